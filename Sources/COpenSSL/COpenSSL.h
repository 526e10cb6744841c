#ifndef COPENSSL_H
#define COPENSSL_H
#define OPENSSL_API_COMPAT 30000     /* hide the pre-3.0 deprecated API */
#define OPENSSL_NO_DEPRECATED 1
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/bn.h>
#include <openssl/obj_mac.h>
#include <openssl/err.h>
#include <openssl/opensslv.h>
#include <openssl/core_names.h>      /* OSSL_MAC_PARAM_DIGEST and friends */
#include <openssl/params.h>          /* OSSL_PARAM_construct_* */
#endif
