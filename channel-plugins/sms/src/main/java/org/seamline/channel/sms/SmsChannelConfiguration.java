package org.seamline.channel.sms;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Seamline SMS channel (Twilio)",
        description = "One Twilio number or messaging service that customers text. "
                + "File: etc/org.seamline.channel.sms-<instance>.cfg")
@interface SmsChannelConfiguration {

    @AttributeDefinition(name = "Account SID", description = "AC… from the Twilio console")
    String accountSid();

    @AttributeDefinition(name = "Auth token", type = AttributeType.PASSWORD,
            description = "Twilio signs every webhook with it; also used for the REST API unless an API key is set. "
                    + "Use $[env:NAME] or $[secret:name]")
    String authToken();

    @AttributeDefinition(name = "API key SID", required = false, description = "SK…: send with an API key instead of the auth token")
    String apiKeySid() default "";

    @AttributeDefinition(name = "API key secret", type = AttributeType.PASSWORD, required = false)
    String apiKeySecret() default "";

    @AttributeDefinition(name = "Public base URL",
            description = "The URL Twilio calls, as Twilio sees it, e.g. https://hooks.example.com (signatures are checked against it)")
    String publicBaseUrl();

    @AttributeDefinition(name = "From", description = "The sending number (+E.164) or messaging service SID (MG…)")
    String from();

    @AttributeDefinition(name = "API base URL", required = false,
            description = "A Twilio-compatible API endpoint instead of https://api.twilio.com (a local stand-in)")
    String apiBaseUrl() default "";

    @AttributeDefinition(name = "Send timeout (ms)", description = "Connect and read timeout of one send; the outbox retries later")
    int sendTimeoutMillis() default 10_000;

    @AttributeDefinition(name = "Largest MMS file (bytes)", description = "Bigger inbound files are left out of the message, which says so")
    int maxMediaBytes() default 5_242_880;

    @AttributeDefinition(name = "Opt-out words", description = "A message that is exactly one of these (any case) withdraws consent")
    String[] stopKeywords() default {"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT",
            "СТОП", "ОТПИСАТЬСЯ", "ОТПИСКА"};

    @AttributeDefinition(name = "Opt-in words", description = "A message that is exactly one of these (any case) grants consent again")
    String[] startKeywords() default {"START", "UNSTOP", "YES", "СТАРТ", "ПОДПИСАТЬСЯ"};
}
