/**
 * Two signature vectors built on the COS "Request Signature" page's sample key and checked against
 * cos-nodejs-sdk-v5@3.0.0 getAuthorization, kept here so the tests depend on no file outside the package.
 */
export const VECTORS = [
  {
    name: "A-describe",
    secretId: "AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q",
    secretKey: "BQYIM75p8x0iWVFSIgqEKwFprpRSVHlz",
    keyTime: "1497530202;1497610202",
    method: "GET",
    path: "/inventorytriggerjob/b3deffea2f84911ec9cb15254008618d9",
    params: [] as string[],
    host: "examplebucket-1250000000.ci.ap-beijing.myqcloud.com",
    httpString:
      "get\n/inventorytriggerjob/b3deffea2f84911ec9cb15254008618d9\n\nhost=examplebucket-1250000000.ci.ap-beijing.myqcloud.com\n",
    sha1HttpString: "db6ff472cf854284694744b0f8529ab89170497a",
    stringToSign: "sha1\n1497530202;1497610202\ndb6ff472cf854284694744b0f8529ab89170497a\n",
    authorization:
      "q-sign-algorithm=sha1&q-ak=AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q&q-sign-time=1497530202;1497610202&q-key-time=1497530202;1497610202&q-header-list=host&q-url-param-list=&q-signature=bf7b66e03031f4b88014504998ec649f5fd9073e",
  },
  {
    name: "C-cancel-signed",
    secretId: "AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q",
    secretKey: "BQYIM75p8x0iWVFSIgqEKwFprpRSVHlz",
    keyTime: "1497530202;1497610202",
    method: "PUT",
    path: "/inventorytriggerjob/b3deffea2f84911ec9cb15254008618d9",
    params: ["cancel"],
    host: "examplebucket-1250000000.ci.ap-beijing.myqcloud.com",
    httpString:
      "put\n/inventorytriggerjob/b3deffea2f84911ec9cb15254008618d9\ncancel=\nhost=examplebucket-1250000000.ci.ap-beijing.myqcloud.com\n",
    sha1HttpString: "6ff97b88c5f796a915c2a1674d68e6c93b279fce",
    stringToSign: "sha1\n1497530202;1497610202\n6ff97b88c5f796a915c2a1674d68e6c93b279fce\n",
    authorization:
      "q-sign-algorithm=sha1&q-ak=AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q&q-sign-time=1497530202;1497610202&q-key-time=1497530202;1497610202&q-header-list=host&q-url-param-list=cancel&q-signature=3070b4d6425a8957f206eb9e7301c0aff432edd5",
  },
] as const;
