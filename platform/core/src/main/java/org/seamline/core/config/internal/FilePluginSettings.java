package org.seamline.core.config.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.MetaTypeService;
import org.seamline.api.plugin.PluginInstances;
import org.seamline.core.audit.AdminAudit;
import org.seamline.core.config.InstanceSettings;
import org.seamline.core.config.PluginSettings;
import org.seamline.core.config.SettingsException;
import org.seamline.core.config.SettingsException.Kind;
import org.seamline.core.config.SettingsForm;

/**
 * {@link PluginSettings} on the files in {@code etc/}, which file install turns into configurations. Changes are
 * checked against the revision the admin read, under one lock, so of two admins saving opposite changes to one
 * instance the second is told, not silently overwritten (a hand edit is caught the same way, except in the instant
 * between the check and the write). Each node has its own {@code etc/}: configure every node alike.
 */
@Component(service = PluginSettings.class)
public class FilePluginSettings implements PluginSettings {

    private final Definitions forms;
    private final Path etc;
    private final AdminAudit audit;
    private final ReentrantLock writing = new ReentrantLock();

    @Activate
    public FilePluginSettings(BundleContext context, @Reference MetaTypeService metaType, @Reference AdminAudit audit) {
        this(new MetatypeForms(context, metaType), Path.of(context.getProperty("seamline.home"), "etc"), audit);
    }

    FilePluginSettings(Definitions forms, Path etc, AdminAudit audit) {
        this.forms = forms;
        this.etc = etc;
        this.audit = audit;
    }

    @Override
    public List<SettingsForm> forms(Locale locale) {
        return forms.all(locale).stream().map(Definitions.Definition::form)
                .sorted(Comparator.comparing(SettingsForm::factoryPid)).toList();
    }

    @Override
    public List<InstanceSettings> instances(String factoryPid) throws SettingsException, IOException {
        Definitions.Definition definition = definition(factoryPid);
        List<InstanceSettings> instances = new ArrayList<>();
        for (String name : names(factoryPid)) {
            InstanceFile.read(file(factoryPid, name)).ifPresent(content ->
                    instances.add(SettingsValues.view(definition, name, content)));
        }
        return instances;
    }

    @Override
    public Optional<InstanceSettings> instance(String factoryPid, String name) throws SettingsException, IOException {
        Definitions.Definition definition = definition(factoryPid);
        checkName(name);
        return InstanceFile.read(file(factoryPid, name)).map(content -> SettingsValues.view(definition, name, content));
    }

    @Override
    public InstanceSettings save(String factoryPid, String name, Map<String, List<String>> values, String revision,
                                 String actor) throws SettingsException, IOException {
        Definitions.Definition definition = definition(factoryPid);
        checkName(name);
        Path file = file(factoryPid, name);
        writing.lock();
        try {
            Optional<InstanceFile.Content> current = InstanceFile.read(file);
            checkRevision(current, revision, name);
            Map<String, String> properties = SettingsValues.apply(definition,
                    current.map(InstanceFile.Content::properties).orElse(Map.of()), values, current.isEmpty());
            InstanceFile.write(file, properties, "Saved by " + actor + " at " + Instant.now() + " through the API");
            InstanceFile.Content written = InstanceFile.read(file).orElseThrow();
            audit.record(actor, current.isEmpty() ? "instance.created" : "instance.changed", factoryPid + "~" + name,
                    "settings " + String.join(", ", new TreeSet<>(values.keySet())));
            return SettingsValues.view(definition, name, written);
        } finally {
            writing.unlock();
        }
    }

    @Override
    public void delete(String factoryPid, String name, String revision, String actor) throws SettingsException, IOException {
        definition(factoryPid);
        checkName(name);
        if (revision == null) {
            throw new SettingsException(Kind.CONFLICT, "send the revision you read: removing is never blind");
        }
        writing.lock();
        try {
            checkRevision(InstanceFile.read(file(factoryPid, name)), revision, name);
            Files.delete(file(factoryPid, name));
            audit.record(actor, "instance.deleted", factoryPid + "~" + name, null);
        } finally {
            writing.unlock();
        }
    }

    private static void checkRevision(Optional<InstanceFile.Content> current, String revision, String name)
            throws SettingsException {
        if (revision == null && current.isPresent()) {
            throw new SettingsException(Kind.CONFLICT, "instance '" + name + "' already exists");
        }
        if (revision != null && current.isEmpty()) {
            throw new SettingsException(Kind.NOT_FOUND, "no instance '" + name + "'");
        }
        if (revision != null && !current.get().revision().equals(revision)) {
            throw new SettingsException(Kind.CONFLICT, "instance '" + name + "' was changed meanwhile: read it again");
        }
    }

    private Definitions.Definition definition(String factoryPid) throws SettingsException {
        return forms.of(factoryPid).orElseThrow(() -> new SettingsException(Kind.NOT_FOUND,
                "no deployed plugin is configured with '" + factoryPid + "'"));
    }

    private static void checkName(String name) throws SettingsException {
        try {
            PluginInstances.name(Map.of("instance", name == null ? "" : name));
        } catch (IllegalArgumentException e) {
            throw new SettingsException(Kind.INVALID, e.getMessage(), Map.of("name", e.getMessage()));
        }
    }

    private Path file(String factoryPid, String name) {
        return etc.resolve(factoryPid + "-" + name + ".cfg");
    }

    private List<String> names(String factoryPid) throws IOException {
        List<String> names = new ArrayList<>();
        String prefix = factoryPid + "-";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(etc, prefix + "*.cfg")) {
            for (Path f : files) {
                String fileName = f.getFileName().toString();
                names.add(fileName.substring(prefix.length(), fileName.length() - ".cfg".length()));
            }
        }
        names.sort(null);
        return names;
    }
}
