package org.seamline.crm.jdbc;

import org.seamline.crm.contract.CrmConnectorContract;
import org.seamline.crm.contract.CrmFixture;

/** The contract on Tryton-style tables: a party and a child table of contact mechanisms. */
class ChildTableLayoutContractTest extends CrmConnectorContract {

    @Override
    protected CrmFixture fixture() throws Exception {
        return JdbcFixture.create(JdbcFixture.Layout.CHILD_TABLE);
    }
}
