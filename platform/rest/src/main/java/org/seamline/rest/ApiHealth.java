package org.seamline.rest;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.context.ServletContextHelper;
import org.seamline.api.health.Health;
import org.seamline.api.health.HealthContributor;
import org.seamline.context.Conversations;
import org.seamline.context.CustomerDirectory;
import org.seamline.context.CustomerMerges;
import org.seamline.context.CustomerPrivacy;
import org.seamline.context.CustomerProfiles;
import org.seamline.context.DeadLetters;
import org.seamline.context.Replies;
import org.seamline.core.plugins.PluginRegistry;
import org.seamline.core.security.ApiContext;
import org.seamline.store.Attachments;
import org.seamline.store.InboxStore;

/**
 * The {@code api} part of {@code /health}: present only when everything the REST servlets need is, including the
 * authenticated {@code /api/v1} context, so the platform never reports UP while its API still answers 404.
 */
@Component(service = HealthContributor.class)
public class ApiHealth implements HealthContributor {

    @Activate
    public ApiHealth(@Reference InboxStore inbox, @Reference PluginRegistry plugins, @Reference CustomerDirectory customers,
                     @Reference CustomerMerges merges, @Reference Conversations conversations, @Reference Replies replies,
                     @Reference CustomerPrivacy privacy, @Reference CustomerProfiles profiles,
                     @Reference DeadLetters deadLetters, @Reference Attachments attachments,
                     @Reference(target = ApiContext.SELECT) ServletContextHelper apiContext) {
        // Nothing to keep: the references are the readiness condition.
    }

    @Override
    public String name() {
        return "api";
    }

    @Override
    public Health health() {
        return new Health(Health.State.UP, ApiContext.PATH);
    }
}
