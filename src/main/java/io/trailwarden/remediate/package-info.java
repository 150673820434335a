/**
 * The remediation engine: {@link Remediator} plans fixes from an evaluation, applies a plan (guarded
 * against drift, journaled) and rolls a journal back. Around it are the plan and its file ({@link Plan},
 * {@link PlanIo}, {@link PlanPrinter}), the {@link Journal}, and what a fix is: a {@link Remediation},
 * the {@link Proposal}s it makes and the {@link RemediationContext} it may consult. The engine changes
 * AWS only through the facets ({@code io.trailwarden.remediate.facet}) and knows the fixes only through
 * the lookup its caller passes in (the CLI passes the registry, {@code
 * io.trailwarden.remediate.fix.Remediations}). The fixes live beside it, by area: {@code cloudtrail},
 * {@code s3}, {@code organizations}, {@code kms} and {@code logs}. Dependencies point one way, as
 * {@code PackageGraphTest} checks: the engine uses the facets, the areas use both, the registry uses the
 * areas, and only the CLI uses the registry.
 */
package io.trailwarden.remediate;
