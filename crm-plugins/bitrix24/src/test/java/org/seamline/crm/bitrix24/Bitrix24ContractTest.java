package org.seamline.crm.bitrix24;

import org.seamline.crm.contract.CrmConnectorContract;
import org.seamline.crm.contract.CrmFixture;

/** The connector contract every CRM passes, against the Bitrix24 stand-in. */
class Bitrix24ContractTest extends CrmConnectorContract {

    @Override
    protected CrmFixture fixture() {
        return new Bitrix24Fixture();
    }
}
