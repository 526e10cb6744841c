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
#include <openssl/param_build.h>     /* OSSL_PARAM_BLD, for RSA keys built from their factors */
#include <openssl/rsa.h>             /* RSA_NO_PADDING, EVP_PKEY_CTX_set_rsa_padding */
#include <openssl/x509.h>
#include <openssl/x509v3.h>          /* extensions and GENERAL_NAME of the lab CA */
#endif
