package org.seamline.demo;

import java.nio.file.Path;
import java.util.List;

/**
 * Entry point of {@code bin/seamline demo}, run on {@code demo/lib} only. Arguments: the installation's home,
 * {@code --}, then the command that runs the platform, as the control script builds it for {@code run} (so the
 * platform gets the same JVM options), with {@code seamline.home} set to the demo's home.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length < 3 || !args[1].equals("--")) {
            System.err.println("Start the demo with: bin/seamline demo");
            System.exit(2);
        }
        Demo demo = new Demo(Path.of(args[0]).toAbsolutePath().normalize(), System.getenv(), System.out);
        // Ctrl-C and SIGTERM ("bin/seamline stop") both end here: the platform first, then the stand-ins.
        Runtime.getRuntime().addShutdownHook(new Thread(demo::stop, "seamline-demo-stop"));
        int exit;
        try {
            exit = demo.run(List.of(args).subList(2, args.length));
        } catch (DemoFailure e) {
            System.err.println("Seamline demo: " + e.getMessage());
            exit = 1;
        } catch (Exception e) {
            System.err.println("Seamline demo failed: " + e);
            exit = 1;
        }
        System.exit(exit);
    }
}
