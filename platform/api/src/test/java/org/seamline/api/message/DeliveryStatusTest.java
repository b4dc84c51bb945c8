package org.seamline.api.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DeliveryStatusTest {

    @Test
    void laterStatusesWinByRankNotByArrival() {
        assertEquals(DeliveryStatus.READ, DeliveryStatus.SENT.merge(DeliveryStatus.READ));
        assertEquals(DeliveryStatus.READ, DeliveryStatus.READ.merge(DeliveryStatus.DELIVERED));
        assertEquals(DeliveryStatus.DELIVERED, DeliveryStatus.QUEUED.merge(DeliveryStatus.DELIVERED));
    }

    @Test
    void terminalStatusesNeverChange() {
        assertEquals(DeliveryStatus.FAILED, DeliveryStatus.FAILED.merge(DeliveryStatus.DELIVERED));
        assertEquals(DeliveryStatus.UNDELIVERED, DeliveryStatus.UNDELIVERED.merge(DeliveryStatus.READ));
        assertEquals(DeliveryStatus.FAILED, DeliveryStatus.SENT.merge(DeliveryStatus.FAILED));
    }
}
