package org.seamline.twilio.standin;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** One TwiML verb: its name, attributes with Twilio's defaults, text and nested verbs. */
record Verb(Element element) {

    String name() {
        return element.getTagName();
    }

    String attribute(String name, String defaultValue) {
        return element.hasAttribute(name) ? element.getAttribute(name) : defaultValue;
    }

    /** The attribute or null when absent: for URLs, where absent and empty differ. */
    String attribute(String name) {
        return element.hasAttribute(name) ? element.getAttribute(name) : null;
    }

    boolean flag(String name) {
        return "true".equalsIgnoreCase(attribute(name, "false"));
    }

    String text() {
        return element.getTextContent().trim();
    }

    List<Verb> children() {
        List<Verb> children = new ArrayList<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                children.add(new Verb(child));
            }
        }
        return children;
    }
}
