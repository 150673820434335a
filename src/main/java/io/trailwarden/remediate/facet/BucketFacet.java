package io.trailwarden.remediate.facet;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.snapshot.Bucket;
import io.trailwarden.snapshot.Snapshot;
import java.util.function.Function;

/** What every bucket facet shares: the bucket kind, and a read that is null when the bucket or the setting is absent. */
abstract class BucketFacet implements Facet {
  @Override
  public Target.Kind kind() {
    return Target.Kind.BUCKET;
  }

  /** The bucket's document from its snapshot record, or null. */
  protected JsonNode read(Snapshot snapshot, Target target, Function<Bucket, JsonNode> document) {
    Bucket bucket = snapshot.buckets().get(target.name());
    if (bucket == null) {
      return Documents.none();
    }
    JsonNode doc = document.apply(bucket);
    return doc == null ? Documents.none() : doc;
  }
}
