/**
 * The facets: each is one writable aspect of one resource (a bucket's policy, a trail's event
 * selectors, an SCP at the root) as a JSON document ({@link Facet}). A facet reads its document from a
 * snapshot and turns a before/after pair into the AWS calls that make it so, the same way for apply and
 * rollback; facets are the only code of remediation that writes to AWS. Also here: {@link Facets}, the
 * registry by id that plans and journals name facets by; the {@link Target} a change edits and the
 * {@link ApiCall}s it makes; and {@link Documents}, helpers for the documents facets read and fixes edit.
 * Facets know nothing of the fixes or of the engine that use them.
 */
package io.trailwarden.remediate.facet;
