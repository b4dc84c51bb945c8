package org.seamline.live.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.seamline.live.internal.PresenceBoard.Change;
import org.seamline.live.internal.PresenceBoard.State;

class PresenceBoardTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private final PresenceBoard board = new PresenceBoard(Duration.ofSeconds(30), Duration.ofSeconds(6), 2);

    @Test
    void onlyChangesAreReportedAndRenewalsKeepPresenceAlive() throws Exception {
        assertEquals(Optional.of(new Change("c-1", "ann", State.VIEWING)), board.announce("c-1", "ann", State.VIEWING, T0));
        assertEquals(Optional.empty(), board.announce("c-1", "ann", State.VIEWING, T0.plusSeconds(20)), "a renewal");
        assertEquals(List.of(), board.expire(T0.plusSeconds(45)), "renewed at 20 s, it holds until 50 s");
        assertEquals(List.of(new Change("c-1", "ann", State.LEFT)), board.expire(T0.plusSeconds(50)));
        assertEquals(List.of(), board.present());
    }

    @Test
    void typingRunsOutFasterAndFallsBackToViewing() throws Exception {
        board.announce("c-1", "bob", State.VIEWING, T0);
        assertEquals(Optional.of(new Change("c-1", "bob", State.TYPING)), board.announce("c-1", "bob", State.TYPING, T0.plusSeconds(1)));
        assertEquals(Optional.empty(), board.announce("c-1", "bob", State.TYPING, T0.plusSeconds(4)), "still typing");
        assertEquals(List.of(), board.expire(T0.plusSeconds(9)));
        assertEquals(List.of(new Change("c-1", "bob", State.VIEWING)), board.expire(T0.plusSeconds(10)));
        assertEquals(List.of(new Change("c-1", "bob", State.VIEWING)), board.present());
        assertEquals(List.of(new Change("c-1", "bob", State.LEFT)), board.expire(T0.plusSeconds(34)),
                "typing renewed viewing too: 4 s + 30 s");
    }

    @Test
    void aViewingAnnouncedAfterTypingRanOutButBeforeTheExpiryRoundIsStillReported() throws Exception {
        board.announce("c-1", "bob", State.TYPING, T0);
        assertEquals(Optional.of(new Change("c-1", "bob", State.VIEWING)), board.announce("c-1", "bob", State.VIEWING, T0.plusSeconds(7)),
                "the streams were told typing; they must hear it stopped");
    }

    @Test
    void leavingIsReportedOnceAndAUserShowsPresenceInLimitedConversations() throws Exception {
        board.announce("c-1", "ann", State.VIEWING, T0);
        board.announce("c-2", "ann", State.TYPING, T0);
        assertThrows(PresenceBoard.TooManyConversationsException.class, () -> board.announce("c-3", "ann", State.VIEWING, T0));
        assertEquals(Optional.of(new Change("c-1", "bob", State.VIEWING)), board.announce("c-1", "bob", State.VIEWING, T0), "per user");
        assertEquals(Optional.of(new Change("c-1", "ann", State.LEFT)), board.announce("c-1", "ann", State.LEFT, T0));
        assertEquals(Optional.empty(), board.announce("c-1", "ann", State.LEFT, T0));
        assertEquals(List.of(new Change("c-2", "ann", State.LEFT)), board.leaveAll("ann"));
        assertTrue(board.present().stream().noneMatch(change -> change.username().equals("ann")));
    }
}
