package org.seamline.crm.hubspot;

import java.time.Clock;
import org.seamline.crm.contract.CrmConnectorContract;
import org.seamline.crm.contract.CrmFixture;

/** The same contract on the date-versioned paths ({@code /crm/objects/2026-03/…}). */
class HubSpotDateVersionContractTest extends CrmConnectorContract {

    @Override
    protected CrmFixture fixture() {
        return new HubSpotFixture(Clock.systemUTC(), "2026-03");
    }
}
