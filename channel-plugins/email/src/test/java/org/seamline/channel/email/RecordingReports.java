package org.seamline.channel.email;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.seamline.api.ingress.DeliveryReports;
import org.seamline.api.message.DeliveryUpdate;

/** The {@link DeliveryReports} contract in memory: known message ids are accepted, others answered false. */
final class RecordingReports implements DeliveryReports {

    final List<DeliveryUpdate> reports = new CopyOnWriteArrayList<>();

    @Override
    public boolean report(DeliveryUpdate update) {
        reports.add(update);
        return true;
    }

    @Override
    public boolean flag(String messageId, String reason) {
        throw new UnsupportedOperationException("email flags no conversation");
    }
}
