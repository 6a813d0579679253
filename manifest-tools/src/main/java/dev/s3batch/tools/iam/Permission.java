package dev.s3batch.tools.iam;

import java.util.Objects;

/**
 * One IAM action on one resource, as a call needs it.
 *
 * @param action the IAM action, e.g. {@code s3:GetObjectVersion}
 * @param resource the resource ARN, e.g. {@code arn:aws:s3:::bucket/key}
 */
public record Permission(String action, String resource) {

  public Permission {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(resource, "resource");
  }

  @Override
  public String toString() {
    return action + " on " + resource;
  }
}
