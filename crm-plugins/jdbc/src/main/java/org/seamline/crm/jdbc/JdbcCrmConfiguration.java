package org.seamline.crm.jdbc;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Seamline JDBC CRM connector",
        description = "Maps an existing customer table in PostgreSQL as a CRM. Read-only unless an activity table is "
                + "set. File: etc/org.seamline.crm.jdbc-<instance>.cfg")
@interface JdbcCrmConfiguration {

    @AttributeDefinition(name = "JDBC URL", description = "jdbc:postgresql://host:5432/database")
    String jdbcUrl();

    @AttributeDefinition(name = "User", required = false)
    String username() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false,
            description = "Use $[env:NAME] or $[secret:name]")
    String password() default "";

    @AttributeDefinition(name = "Customer table", description = "schema.table or table (in the user's current schema)")
    String table();

    @AttributeDefinition(name = "Id column", description = "The customer's key: the CRM contact id")
    String idColumn();

    @AttributeDefinition(name = "Name column", required = false)
    String nameColumn() default "";

    @AttributeDefinition(name = "Owner column", required = false, description = "The account manager, as text")
    String ownerColumn() default "";

    @AttributeDefinition(name = "Segment column", required = false)
    String segmentColumn() default "";

    @AttributeDefinition(name = "Tags column", required = false,
            description = "A text array, or text with tags separated by commas or semicolons")
    String tagsColumn() default "";

    @AttributeDefinition(name = "Updated-at column",
            description = "Timestamp the database sets on every change of the customer: the change feed follows it")
    String updatedAtColumn();

    @AttributeDefinition(name = "Email columns", required = false, description = "Comma-separated columns of the customer table")
    String emailColumns() default "";

    @AttributeDefinition(name = "Phone columns", required = false, description = "Comma-separated columns of the customer table")
    String phoneColumns() default "";

    @AttributeDefinition(name = "Contact table", required = false,
            description = "A child table with one row per email or phone, instead of columns")
    String contactTable() default "";

    @AttributeDefinition(name = "Contact key column", required = false, description = "Its column referencing the id column")
    String contactKeyColumn() default "";

    @AttributeDefinition(name = "Contact type column", required = false)
    String contactTypeColumn() default "";

    @AttributeDefinition(name = "Contact value column", required = false)
    String contactValueColumn() default "";

    @AttributeDefinition(name = "Email types", required = false, description = "Comma-separated type values meaning an email")
    String emailTypes() default "email";

    @AttributeDefinition(name = "Phone types", required = false, description = "Comma-separated type values meaning a phone")
    String phoneTypes() default "phone,mobile";

    @AttributeDefinition(name = "Default region",
            description = "ISO country whose format stored phones without a country code are in, e.g. RU")
    String defaultRegion() default "RU";

    @AttributeDefinition(name = "Poll interval (s)", description = "How often the platform asks for changed customers")
    int pollIntervalSeconds() default 60;

    @AttributeDefinition(name = "Activity table", required = false,
            description = "Setting it enables write-back: interactions are logged here and contacts may be created and updated")
    String activityTable() default "";

    @AttributeDefinition(name = "Activity contact column", required = false)
    String activityContactColumn() default "";

    @AttributeDefinition(name = "Activity interaction id column", required = false,
            description = "Must have a unique index: it keeps a retried interaction from being logged twice")
    String activityInteractionColumn() default "";

    @AttributeDefinition(name = "Activity kind column", required = false, description = "email, sms, whatsapp, call, chat or note")
    String activityKindColumn() default "";

    @AttributeDefinition(name = "Activity direction column", required = false, description = "inbound, outbound or internal")
    String activityDirectionColumn() default "";

    @AttributeDefinition(name = "Activity time column", required = false)
    String activityAtColumn() default "";

    @AttributeDefinition(name = "Activity subject column", required = false)
    String activitySubjectColumn() default "";

    @AttributeDefinition(name = "Activity body column", required = false)
    String activityBodyColumn() default "";
}
