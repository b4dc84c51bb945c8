package org.seamline.core.users.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.seamline.core.users.UserException;

class NamesTest {

    @Test
    void passwordsNeedTwelveCharactersAndMustNotBeTheUserName() throws UserException {
        assertThrows(UserException.class, () -> Names.password("elevenchars", "ann"));
        assertThrows(UserException.class, () -> Names.password("Ann.Example1", "ann.example1"));
        assertThrows(UserException.class, () -> Names.password(null, "ann"));
        assertEquals("twelve chars", Names.password("twelve chars", "ann"));
    }

    @Test
    void userNamesArePlainCharactersAndComparedInLowerCase() throws UserException {
        assertEquals("ann.o'", Names.key("ANN.O'"));
        assertEquals("ann@example.com", Names.username("ann@example.com"));
        for (String bad : new String[] {"", "-ann", "аnn", "ann smith", "a\nb", "x".repeat(65)}) {
            assertThrows(UserException.class, () -> Names.username(bad), bad);
        }
    }

    @Test
    void teamsAreDeduplicatedInLowerCase() throws UserException {
        assertEquals(List.of("sales", "support"), Names.teams(List.of("Sales", "support", "SALES")));
        assertThrows(UserException.class, () -> Names.teams(List.of("two words")));
    }
}
