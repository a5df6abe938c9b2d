/**
 * The agent's single entry to @kubernetes/client-node: the compatibility shims must run before the client and
 * its undici dependency load, and ES modules evaluate imports in order.
 */
import "./node20-compat.js";

export {
  CoreV1Api,
  HttpMethod,
  IsomorphicFetchHttpLibrary,
  KubeConfig,
  RequestContext,
  StorageV1Api,
  type V1Container,
  type V1Node,
  type V1PersistentVolumeClaim,
  type V1Pod,
  VersionApi,
} from "@kubernetes/client-node";
