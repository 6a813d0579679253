package dev.s3batch.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.Tag;

/** The proxy forwards real SDK calls unchanged and names each one's S3 operation. */
class RecordingProxyTest {

  private static RecordingProxy proxy;
  private static S3Client s3;

  @BeforeAll
  static void start() {
    proxy = RecordingProxy.start(S3MockServer.get().endpoint());
    s3 = client(proxy.endpoint());
  }

  @AfterAll
  static void stop() {
    s3.close();
    proxy.close();
  }

  @Test
  void proxy_objectCalls_namedAndAnsweredAsByTheServer() {
    String bucket = S3MockServer.get().newVersionedBucket("proxy");
    proxy.clear();
    String v1 = s3.putObject(b -> b.bucket(bucket).key("a b+c.txt"), RequestBody.fromString("hello")).versionId();
    assertThat(s3.headObject(b -> b.bucket(bucket).key("a b+c.txt")).contentLength()).isEqualTo(5);
    assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("a b+c.txt").versionId(v1)).asUtf8String())
        .isEqualTo("hello");
    s3.putObjectTagging(b -> b.bucket(bucket).key("a b+c.txt")
        .tagging(t -> t.tagSet(Tag.builder().key("k").value("v").build())));
    assertThat(s3.getObjectTagging(b -> b.bucket(bucket).key("a b+c.txt")).tagSet()).hasSize(1);
    s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("a b+c.txt").sourceVersionId(v1)
        .destinationBucket(bucket).destinationKey("copy.txt"));
    s3.listObjectsV2(b -> b.bucket(bucket));
    s3.listObjectVersions(b -> b.bucket(bucket));
    s3.deleteObject(b -> b.bucket(bucket).key("copy.txt"));

    List<RecordedRequest> r = proxy.requests();
    assertThat(r).extracting(RecordedRequest::operation).containsExactly(
        "PutObject", "HeadObject", "GetObject", "PutObjectTagging", "GetObjectTagging", "CopyObject",
        "ListObjectsV2", "ListObjectVersions", "DeleteObject");
    assertThat(r.get(0).key()).isEqualTo("a b+c.txt");
    assertThat(r.get(0).bucket()).isEqualTo(bucket);
    assertThat(r.get(2).queryParameter("versionId")).contains(v1);
    assertThat(r.get(5).header("x-amz-copy-source")).hasValueSatisfying(h -> assertThat(h).contains("versionId="));
    assertThat(r).allMatch(x -> x.status() / 100 == 2, "all answered 2xx");
  }

  @Test
  void proxy_multipartCalls_named() {
    String bucket = S3MockServer.get().newBucket("proxymp");
    s3.putObject(b -> b.bucket(bucket).key("src"), RequestBody.fromString("source bytes"));
    proxy.clear();
    String upload = s3.createMultipartUpload(b -> b.bucket(bucket).key("dst")).uploadId();
    String etag = s3.uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey("src").destinationBucket(bucket)
        .destinationKey("dst").uploadId(upload).partNumber(1)).copyPartResult().eTag();
    s3.listMultipartUploads(b -> b.bucket(bucket));
    s3.listParts(b -> b.bucket(bucket).key("dst").uploadId(upload));
    s3.completeMultipartUpload(b -> b.bucket(bucket).key("dst").uploadId(upload)
        .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));
    String other = s3.createMultipartUpload(b -> b.bucket(bucket).key("gone")).uploadId();
    s3.uploadPart(b -> b.bucket(bucket).key("gone").uploadId(other).partNumber(1), RequestBody.fromString("x"));
    s3.abortMultipartUpload(b -> b.bucket(bucket).key("gone").uploadId(other));

    assertThat(proxy.requests()).extracting(RecordedRequest::operation).containsExactly(
        "CreateMultipartUpload", "UploadPartCopy", "ListMultipartUploads", "ListParts", "CompleteMultipartUpload",
        "CreateMultipartUpload", "UploadPart", "AbortMultipartUpload");
    assertThat(S3MockServer.get().client().getObjectAsBytes(b -> b.bucket(bucket).key("dst")).asUtf8String())
        .isEqualTo("source bytes");
  }

  private static S3Client client(URI endpoint) {
    return S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create()).build();
  }
}
