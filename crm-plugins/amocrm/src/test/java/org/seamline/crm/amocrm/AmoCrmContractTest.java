package org.seamline.crm.amocrm;

import org.seamline.crm.contract.CrmConnectorContract;
import org.seamline.crm.contract.CrmFixture;

/** The connector contract every CRM passes, against the amoCRM stand-in. */
class AmoCrmContractTest extends CrmConnectorContract {

    @Override
    protected CrmFixture fixture() {
        return new AmoCrmFixture();
    }
}
