package org.kindred.sdk;

import java.util.List;

/**
 * One page of any list operation: its items and the cursor of the next page, null after the last. Every
 * generated {@code …List} model implements it, which is what lets {@link KindredClient#autoPage} page
 * through any list.
 */
public interface ListPage<T> {
    List<T> getData();

    String getNextCursor();
}
