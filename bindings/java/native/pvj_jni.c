/*
 * pvj_jni.c — the JNI helpers of the Java module's typemaps (pvj_jni.h).
 */
#include "pvj_jni.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Throws org.portvakt.InvalidInputException(field, rule, message) for 'err' ('fallback' is the
   field when 'err' names none). */
void pvj_throw(JNIEnv *jenv, const pv_error *err, const char *fallback) {
    jclass cls = (*jenv)->FindClass(jenv, "org/portvakt/InvalidInputException");
    if (cls == NULL) return; /* NoClassDefFoundError is pending */
    jmethodID make = (*jenv)->GetMethodID(
        jenv, cls, "<init>", "(Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;)V");
    if (make == NULL) return;
    const char *field = err->field[0] != '\0' ? err->field : fallback;
    const char *rule = pv_rule_name(err->rule);
    const char *message = err->message != NULL                     ? err->message
                          : err->status == PV_ERR_BUFFER_TOO_SMALL ? "is too small"
                                                                   : "is not valid";
    jstring jfield = (*jenv)->NewStringUTF(jenv, field);
    jstring jrule = rule != NULL ? (*jenv)->NewStringUTF(jenv, rule) : NULL;
    jstring jmessage = (*jenv)->NewStringUTF(jenv, message);
    jobject e = (*jenv)->NewObject(jenv, cls, make, jfield, jrule, jmessage);
    if (e != NULL) (*jenv)->Throw(jenv, (jthrowable)e);
}

/* Throws InvalidInputException naming 'field' with 'message' (rule V1). */
static void pvj_refuse(JNIEnv *jenv, const char *field, const char *message) {
    pv_error err = PV_ERROR_INIT;
    err.status = PV_ERR_INVALID_INPUT;
    err.rule = PV_RULE_V1;
    strncpy(err.field, field, sizeof err.field - 1);
    err.message = message;
    pvj_throw(jenv, &err, field);
}

/* The UTF-8 of 'text' in a malloc()'ed buffer, or NULL with an exception pending: a NUL or a
   lone surrogate is refused naming 'field'. */
char *pvj_utf8(JNIEnv *jenv, jstring text, const char *field) {
    jsize n = (*jenv)->GetStringLength(jenv, text);
    char *out = (char *)malloc((size_t)n * 3 + 1);
    if (out == NULL) {
        (*jenv)->ThrowNew(jenv, (*jenv)->FindClass(jenv, "java/lang/OutOfMemoryError"), field);
        return NULL;
    }
    const jchar *s = (*jenv)->GetStringCritical(jenv, text, NULL);
    if (s == NULL) {
        free(out);
        return NULL;
    }
    size_t k = 0;
    const char *bad = NULL;
    for (jsize i = 0; i < n && bad == NULL; i++) {
        unsigned c = s[i];
        if (c == 0) {
            bad = "must not contain a NUL character";
        } else if (c < 0x80) {
            out[k++] = (char)c;
        } else if (c < 0x800) {
            out[k++] = (char)(0xC0 | c >> 6);
            out[k++] = (char)(0x80 | (c & 0x3F));
        } else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n && s[i + 1] >= 0xDC00 &&
                   s[i + 1] <= 0xDFFF) {
            unsigned long u =
                0x10000ul + ((unsigned long)(c - 0xD800) << 10) + (s[i + 1] - 0xDC00u);
            i++;
            out[k++] = (char)(0xF0 | u >> 18);
            out[k++] = (char)(0x80 | (u >> 12 & 0x3F));
            out[k++] = (char)(0x80 | (u >> 6 & 0x3F));
            out[k++] = (char)(0x80 | (u & 0x3F));
        } else if (c >= 0xD800 && c <= 0xDFFF) {
            bad = "is not Unicode text (a lone surrogate)";
        } else {
            out[k++] = (char)(0xE0 | c >> 12);
            out[k++] = (char)(0x80 | (c >> 6 & 0x3F));
            out[k++] = (char)(0x80 | (c & 0x3F));
        }
    }
    (*jenv)->ReleaseStringCritical(jenv, text, s);
    out[k] = '\0';
    if (bad != NULL) {
        free(out);
        pvj_refuse(jenv, field, bad);
        return NULL;
    }
    return out;
}

static void *pvj_throw_new(JNIEnv *jenv, const char *class_name, const char *message) {
    jclass cls = (*jenv)->FindClass(jenv, class_name);
    if (cls != NULL) (void)(*jenv)->ThrowNew(jenv, cls, message);
    return NULL;
}

void *pvj_copy_structs(JNIEnv *jenv, jlongArray pointers, size_t size, size_t *count) {
    jsize n = (*jenv)->GetArrayLength(jenv, pointers);
    unsigned char *copy = malloc(n > 0 ? (size_t)n * size : 1);
    jlong *p = copy != NULL ? (*jenv)->GetLongArrayElements(jenv, pointers, NULL) : NULL;
    if (p == NULL) {
        free(copy);
        if ((*jenv)->ExceptionCheck(jenv)) return NULL;
        return pvj_throw_new(jenv, "java/lang/OutOfMemoryError", "items");
    }
    for (jsize i = 0; i < n; i++) {
        if (p[i] == 0) {
            (*jenv)->ReleaseLongArrayElements(jenv, pointers, p, JNI_ABORT);
            free(copy);
            return pvj_throw_new(jenv, "java/lang/NullPointerException", "items");
        }
        memcpy(copy + (size_t)i * size, (const void *)(intptr_t)p[i], size);
    }
    (*jenv)->ReleaseLongArrayElements(jenv, pointers, p, JNI_ABORT);
    *count = (size_t)n;
    return copy;
}
