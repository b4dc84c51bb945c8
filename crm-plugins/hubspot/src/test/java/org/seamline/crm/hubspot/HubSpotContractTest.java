package org.seamline.crm.hubspot;

import org.seamline.crm.contract.CrmConnectorContract;
import org.seamline.crm.contract.CrmFixture;

/** The connector contract every CRM passes, against the HubSpot stand-in on the v3 paths. */
class HubSpotContractTest extends CrmConnectorContract {

    @Override
    protected CrmFixture fixture() {
        return new HubSpotFixture();
    }
}
