/*
 * pvj_jni.h — the JNI helpers of the Java module's typemaps (portvakt_java.i): errors thrown as
 * org.portvakt.InvalidInputException, Java strings checked and copied as UTF-8, and arrays of
 * struct proxies copied whole. Plain C under the project's warnings, so that the SWIG file holds
 * typemaps only.
 */
#ifndef PVJ_JNI_H
#define PVJ_JNI_H

#include <jni.h>
#include <stddef.h>

#include "portvakt.h"

/* Throws org.portvakt.InvalidInputException(field, rule, message) for 'err' ('fallback' is the
   field when 'err' names none). */
void pvj_throw(JNIEnv *jenv, const pv_error *err, const char *fallback);

/* 'text' as a malloc()'ed UTF-8 string, or NULL with an exception pending: a NUL character or a
   lone surrogate is refused (V1) naming 'field', as the library would refuse the bytes. */
char *pvj_utf8(JNIEnv *jenv, jstring text, const char *field);

/* The structs of 'size' bytes whose proxies' C pointers 'pointers' holds, copied into one
   malloc()'ed array (the caller owns it; '*count' is set to their number), or NULL with an
   exception pending (no memory, or a null element). */
void *pvj_copy_structs(JNIEnv *jenv, jlongArray pointers, size_t size, size_t *count);

#endif
