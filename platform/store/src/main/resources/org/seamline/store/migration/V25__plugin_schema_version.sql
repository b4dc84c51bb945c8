-- Scripts applied for plugins' own tables (org.seamline.api.store.PluginTables), per owner, as schema_version
-- records the platform's own.
CREATE TABLE plugin_schema_version (
    owner VARCHAR(64) NOT NULL,
    version INTEGER NOT NULL,
    name VARCHAR(200) NOT NULL,
    checksum VARCHAR(64) NOT NULL,
    applied_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_plugin_schema_version PRIMARY KEY (owner, version)
);
