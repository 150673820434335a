/**
 * The registry of every fix: {@link Remediations} holds one instance of each and finds one by the id a
 * rule's METADATA names ({@code custom.remediation_id}). It is the one class that knows the area packages
 * ({@code cloudtrail}, {@code s3}, {@code organizations}, {@code kms}, {@code logs}); the engine knows the
 * fixes only through the lookup the CLI hands it ({@code Remediations::find}). A new fix is written in
 * the package of the service whose resource it changes, and registered here.
 */
package io.trailwarden.remediate.fix;
