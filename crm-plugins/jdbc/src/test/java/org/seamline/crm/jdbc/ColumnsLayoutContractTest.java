package org.seamline.crm.jdbc;

import org.seamline.crm.contract.CrmConnectorContract;
import org.seamline.crm.contract.CrmFixture;

/** The contract on a customer table that holds emails and phones in columns of its own. */
class ColumnsLayoutContractTest extends CrmConnectorContract {

    @Override
    protected CrmFixture fixture() throws Exception {
        return JdbcFixture.create(JdbcFixture.Layout.COLUMNS);
    }
}
