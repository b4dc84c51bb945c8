package org.seamline.channel.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.seamline.api.message.Identifier;
import org.seamline.api.message.Party;

class CallerTest {

    private static final String CALL = "CA0123456789abcdef0123456789abcdef";

    @Test
    void aNumberIsAPhoneIdentifierSoTheCallerIsRecognisedOnEveryChannel() {
        assertEquals(Party.of("ANNA PETROVA", new Identifier("phone", "+79161234567")),
                Caller.of("+79161234567", " ANNA PETROVA ", CALL));
    }

    @Test
    void aWithheldNumberIdentifiesOnlyTheCall() {
        for (String withheld : new String[] {"anonymous", "Restricted", "unknown", "", null, "+266696687x"}) {
            assertEquals(List.of(new Identifier("voiceCall", CALL)), Caller.of(withheld, null, CALL).identifiers(),
                    String.valueOf(withheld));
        }
    }

    @Test
    void clientAndSipCallersKeepTheirAddress() {
        assertEquals(List.of(new Identifier("twilioClient", "agent_7")), Caller.of("client:agent_7", null, CALL).identifiers());
        assertEquals(List.of(new Identifier("sip", "anna@pbx.example.com")),
                Caller.of("sip:anna@pbx.example.com", null, CALL).identifiers());
    }
}
