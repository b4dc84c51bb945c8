package org.seamline.crm.jdbc;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** A configuration as Declarative Services builds it from a .cfg file: the given values, else the defaults. */
final class Configs {

    private Configs() {
    }

    static JdbcCrmConfiguration of(Map<String, ?> values) {
        Map<String, Object> copy = new HashMap<>(values);
        return (JdbcCrmConfiguration) Proxy.newProxyInstance(JdbcCrmConfiguration.class.getClassLoader(),
                new Class<?>[] {JdbcCrmConfiguration.class}, (proxy, method, args) -> {
                    Object value = copy.containsKey(method.getName()) ? copy.get(method.getName()) : method.getDefaultValue();
                    if (value == null && method.getReturnType() == String.class) {
                        return null; // a required setting left out
                    }
                    return value;
                });
    }
}
