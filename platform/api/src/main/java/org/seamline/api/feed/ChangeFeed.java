package org.seamline.api.feed;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.seamline.api.ingress.IngressUnavailableException;

/**
 * Everything that happened in the customer context, in commit order, numbered by a position that only grows. A
 * change is written in the same transaction as what it reports, so a reader that stores the position of the last
 * change it handled misses nothing while it was down and sees each change at least once.
 *
 * <p>Readers may keep their position themselves, or in the platform under a name of their own with
 * {@link #position(String)} and {@link #commit(String, long)}.
 */
@ProviderType
public interface ChangeFeed {

    /** Changes after {@code position} (0: from the beginning), oldest first, at most {@code limit} (1-1000). */
    List<Change> after(long position, int limit) throws IngressUnavailableException;

    /** The position of the newest change, 0 when there is none: a new reader that wants only what comes next starts here. */
    long head() throws IngressUnavailableException;

    /** The position stored for {@code reader}, 0 when it never committed one. */
    long position(String reader) throws IngressUnavailableException;

    /** Stores {@code position} for {@code reader}; a position lower than the stored one is ignored (a late retry). */
    void commit(String reader, long position) throws IngressUnavailableException;
}
