package org.seamline.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Properties;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.seamline.twilio.standin.CallDriver;
import org.seamline.twilio.standin.Delivery;

/**
 * One customer's journey, played through the stand-ins exactly as the providers would deliver it: Lena mails the
 * support mailbox, asks again through the shop's help page (where her account holds her email address and her mobile
 * number), writes on WhatsApp from that number and finally calls from it, leaving a voicemail. Each step waits until
 * the platform has put it on her timeline, so the order on the timeline is the order of the story.
 *
 * <p>The shop step is what lets the platform know her email address and her number are one person: the email channel
 * only knows the sender's address, WhatsApp and Voice only the number, and the platform links identifiers only when
 * one message carries both.
 */
final class Journey {

    static final String NAME = "Lena Fischer";
    static final String EMAIL = "lena.fischer@example.com";
    static final String PHONE = "+4915112345678";
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);

    private final StandIns standIns;
    private final Channels channels;
    private final SeamlineApi api;
    private final PrintStream out;
    private final ObjectMapper json = new ObjectMapper();

    Journey(StandIns standIns, Channels channels, SeamlineApi api, PrintStream out) {
        this.standIns = standIns;
        this.channels = channels;
        this.api = api;
        this.out = out;
    }

    /** Plays it; answers Lena's customer id. */
    String play() throws IOException, InterruptedException, MessagingException, GeneralSecurityException {
        out.println("Playing " + NAME + "'s journey:");
        mail();
        String[] customer = new String[1];
        Await.until("Her email reaching the platform", STEP_TIMEOUT, () -> {
            customer[0] = api.customerBy("email", EMAIL).map(c -> c.path("id").asText()).orElse(null);
            return customer[0] != null;
        });
        awaitOnTimeline(customer[0], "email", "  1. email     " + EMAIL + " -> " + StandIns.MAILBOX);

        shopMessage();
        awaitOnTimeline(customer[0], "api", "  2. shop      her message through the shop's help page (API channel), with her email and "
                + PHONE + ": this links the two");

        Delivery whatsApp = standIns.twilio.inboundWhatsApp(channels.twilioHook("whatsapp", "inbound"), PHONE,
                Channels.BUSINESS_NUMBER, "Hi, it's Lena. Any news about order 4711?", null);
        requireAccepted("WhatsApp", whatsApp);
        awaitOnTimeline(customer[0], "whatsapp", "  3. WhatsApp  from " + PHONE);

        call();
        awaitOnTimeline(customer[0], "voice", "  4. call      from " + PHONE + ", a voicemail with its transcript");
        return customer[0];
    }

    /** Sent over SMTP to the mail server, where the email channel finds it in the support mailbox by IMAP. */
    private void mail() throws MessagingException, IOException {
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", "127.0.0.1");
        smtp.put("mail.smtp.port", Integer.toString(standIns.smtpPort()));
        MimeMessage mail = new MimeMessage(Session.getInstance(smtp));
        mail.setFrom(new InternetAddress(EMAIL, NAME, "UTF-8"));
        mail.setRecipients(Message.RecipientType.TO, StandIns.MAILBOX);
        mail.setSubject("Order 4711 has not arrived", "UTF-8");
        mail.setText("Hello,\n\nmy order 4711 was due on Monday and has not arrived yet. Could you check where it is?\n\n"
                + "Lena Fischer\n", "UTF-8");
        Transport.send(mail);
    }

    /** What the shop's backend posts, signed with the instance's secret (see api-channel.md). */
    private void shopMessage() throws IOException, InterruptedException, GeneralSecurityException {
        ObjectNode message = json.createObjectNode();
        message.put("id", "help-page-4711-1");
        message.putObject("from").put("email", EMAIL).put("phone", PHONE).put("name", NAME);
        message.put("text", "Asking here as well: where is order 4711? You can reach me on WhatsApp too.");
        byte[] body = json.writeValueAsBytes(message);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(channels.shopSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        HttpResponse<String> answer = api.send(HttpRequest.newBuilder(URI.create(channels.shopHook()))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .header("X-Seamline-Signature", "sha256=" + HexFormat.of().formatHex(mac.doFinal(body)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        if (answer.statusCode() != 201) {
            throw new DemoFailure("The shop's message was refused: " + answer.statusCode() + " " + answer.body());
        }
    }

    /** Twilio calls the voice webhook; Lena chooses voicemail (8 in the built-in menu), speaks, and hangs up. */
    private void call() {
        CallDriver call = standIns.twilio.call(channels.twilioHook("voice", "incoming"), channels.twilioHook("voice", "status"),
                PHONE, Channels.BUSINESS_NUMBER).start();
        call.press("8");
        if (call.state() != CallDriver.State.RECORDING) {
            throw new DemoFailure("The call did not reach the voicemail; the platform answered: " + call.errors());
        }
        call.record(7, "Hello, this is Lena Fischer calling about order 4711. Please call me back.");
        if (call.state() != CallDriver.State.ENDED) {
            call.hangUp();
        }
    }

    private void awaitOnTimeline(String customerId, String channel, String done) {
        Await.until("The " + channel + " step reaching " + NAME + "'s timeline", STEP_TIMEOUT, () ->
                api.timeline(customerId).stream().anyMatch(e -> e.path("channel").asText().equals(channel)
                        && e.path("direction").asText().equals("in")));
        out.println(done);
    }

    private static void requireAccepted(String what, Delivery delivery) {
        if (!delivery.accepted()) {
            throw new DemoFailure("The platform refused the " + what + " webhook: " + delivery.status() + " " + delivery.twimlError());
        }
    }
}
