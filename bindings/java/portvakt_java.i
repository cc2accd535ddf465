/*
 * portvakt_java.i — the Java module org.portvakt.jni.PortvaktC: the language-neutral interface
 * bindings/portvakt.i (the C API as the headers define it) with the Java typemaps, and the
 * record calls of native/pvj_record.h that the hand-written package org.portvakt stands on.
 *
 *   - Dates: a pv_date is a java.time.LocalDate (null is PV_DATE_NONE) in both directions; it
 *     crosses JNI as one int (org.portvakt.jni.Dates.pack: year << 9 | month << 5 | day), so no
 *     call back into the JVM is needed. A year outside 1-9999 crosses as a date that is not
 *     one, which the library refuses naming the field.
 *   - Enums: Java enums (enums.swg), with the C names (pv_reason.PV_REASON_UNIT_SEALED).
 *   - Errors: pv_status never reaches Java (a function that returns one returns void); a status
 *     other than PV_OK throws the unchecked org.portvakt.InvalidInputException with the field,
 *     the rule id and the message of the call's pv_error (PV_RAISE_ERROR below).
 *   - Strings: a String crosses as UTF-8; one holding a NUL character or a lone surrogate
 *     (which UTF-8 cannot carry) is refused with InvalidInputException naming the parameter,
 *     before the library sees it.
 *   - Arrays (set_<member> of bindings/portvakt.i): a Java array of the struct's proxies,
 *     copied into malloc()'ed memory that the citizen or guardian owns.
 *   - Records (pvj_record.h): the inputs as byte[], the decisions into long[], both pinned
 *     (GetPrimitiveArrayCritical) and released before any exception is thrown.
 */
%module PortvaktC

/* A const char * member set from Java is a copy the struct keeps (SWIG warns that it is never
   freed): the hand-written layer never sets one; it encodes records as bytes (pvj_record.h). */
#pragma SWIG nowarn=451

%include <enums.swg>
%include <stdint.i>

%{
#include <stdlib.h>
#include <string.h>
#include "portvakt.h"
#include "pvj_jni.h"
#include "pvj_record.h"

%}

/* ---- Errors ------------------------------------------------------------------------------------ */

/* The strings copied for the call are freed before the wrapper is left ($cleanup: the freearg
   typemaps, which a return here would otherwise skip). */
%define PV_RAISE_ERROR(ERR, FIELD)
    pvj_throw(jenv, ERR, FIELD);
    $cleanup
    return $null;
%enddef

/* pv_status never reaches Java: a function that returns one returns void (or throws). */
%typemap(jni) pv_status "void"
%typemap(jtype) pv_status "void"
%typemap(jstype) pv_status "void"
%typemap(out) pv_status ""
%typemap(javaout) pv_status { $jnicall; }
/* ... so no status reaches pv_status_name() either. */
%ignore pv_status_name;

/* ---- Dates ------------------------------------------------------------------------------------- */

%typemap(jni) pv_date, const pv_date & "jint"
%typemap(jtype) pv_date, const pv_date & "int"
%typemap(jstype) pv_date, const pv_date & "java.time.LocalDate"
%typemap(javain) pv_date, const pv_date & "org.portvakt.jni.Dates.pack($javainput)"
%typemap(javaout) pv_date, const pv_date & { return org.portvakt.jni.Dates.unpack($jnicall); }
%typemap(in) pv_date %{ $1 = pvj_unpack_date($input); %}
%typemap(in) const pv_date & (pv_date date) %{ date = pvj_unpack_date($input); $1 = &date; %}
%typemap(out) pv_date %{ $result = (jint)pvj_pack_date($1); %}
%typemap(out) const pv_date & %{ $result = (jint)pvj_pack_date(*$1); %}
%typemap(javadirectorin) pv_date, const pv_date & "org.portvakt.jni.Dates.unpack($jniinput)"
%typemap(javadirectorout) pv_date, const pv_date & "org.portvakt.jni.Dates.pack($javacall)"

/* ---- Strings: real UTF-8, no NUL, no lone surrogate --------------------------------------------- */

%typemap(in) const char * %{
    $1 = NULL;
    if ($input != NULL) {
        $1 = pvj_utf8(jenv, $input, "$1_name");
        if ($1 == NULL)
            return $null;
    }
%}
%typemap(freearg) const char * %{ free((void *)$1); %}

/* ---- Arrays set whole (bindings/portvakt.i set_<member>) ---------------------------------------- */

%define PVJ_ARRAY(TYPE)
%typemap(jni) (const TYPE *items, size_t count) "jlongArray"
%typemap(jtype) (const TYPE *items, size_t count) "long[]"
%typemap(jstype) (const TYPE *items, size_t count) "TYPE[]"
%typemap(javain) (const TYPE *items, size_t count) "TYPE.pointers($javainput)"
%typemap(in) (const TYPE *items, size_t count) {
    $1 = (TYPE *)pvj_copy_structs(jenv, $input, sizeof(TYPE), &$2);
    if ($1 == NULL)
        return $null;
}
%typemap(javacode) struct TYPE %{
  /** The C pointers of 'items' (an array set whole by set_&lt;member&gt;). */
  static long[] pointers(TYPE[] items) {
    long[] out = new long[items.length];
    for (int i = 0; i < items.length; i++)
      out[i] = getCPtr(items[i]);
    return out;
  }
%}
%enddef
PVJ_ARRAY(pv_seal)
PVJ_ARRAY(pv_guardian)
PVJ_ARRAY(pv_grant)
PVJ_ARRAY(pv_representative)
PVJ_ARRAY(pv_lock_period)
PVJ_ARRAY(pv_interval)

/* A guardian copied into a citizen keeps pointing at its own periods and id: the citizen keeps
   the proxies it was given alive (and a guardian those of its periods). */
%typemap(javain, pre="    keep_guardians = $javainput.clone();") (const pv_guardian *items, size_t count) "pv_guardian.pointers($javainput)"
%typemap(javacode) struct pv_citizen %{
  private pv_guardian[] keep_guardians;
%}
%typemap(javacode) struct pv_guardian %{
  /** The C pointers of 'items' (an array set whole by set_&lt;member&gt;). */
  static long[] pointers(pv_guardian[] items) {
    long[] out = new long[items.length];
    for (int i = 0; i < items.length; i++)
      out[i] = getCPtr(items[i]);
    return out;
  }
%}

/* ---- The records of the hand-written layer (native/pvj_record.h) -------------------------------- */

%typemap(jni) (const int8_t *bytes, int32_t length) "jbyteArray"
%typemap(jtype) (const int8_t *bytes, int32_t length) "byte[]"
%typemap(jstype) (const int8_t *bytes, int32_t length) "byte[]"
%typemap(javain) (const int8_t *bytes, int32_t length) "$javainput"
%typemap(in) (const int8_t *bytes, int32_t length) %{
    $2 = (int32_t)(*jenv)->GetArrayLength(jenv, $input);
    $1 = (int8_t *)(*jenv)->GetPrimitiveArrayCritical(jenv, $input, NULL);
    if ($1 == NULL)
        return $null;
%}
%typemap(freearg) (const int8_t *bytes, int32_t length) %{
    (*jenv)->ReleasePrimitiveArrayCritical(jenv, $input, (void *)$1, JNI_ABORT);
%}

%typemap(jni) (int64_t *words, int32_t capacity) "jlongArray"
%typemap(jtype) (int64_t *words, int32_t capacity) "long[]"
%typemap(jstype) (int64_t *words, int32_t capacity) "long[]"
%typemap(javain) (int64_t *words, int32_t capacity) "$javainput"
%typemap(in) (int64_t *words, int32_t capacity) %{
    $2 = (int32_t)(*jenv)->GetArrayLength(jenv, $input);
    $1 = (int64_t *)(*jenv)->GetPrimitiveArrayCritical(jenv, $input, NULL);
    if ($1 == NULL)
        return $null;
%}
%typemap(freearg) (int64_t *words, int32_t capacity) %{
    (*jenv)->ReleasePrimitiveArrayCritical(jenv, $input, (void *)$1, 0);
%}

/* The error of a record call is thrown after the arrays are released (freearg runs in the
   order of the arguments, and this one is last). */
%typemap(in, numinputs=0) pv_error *problem (pv_error err) {
    {
        const pv_error init = PV_ERROR_INIT;
        err = init;
    }
    $1 = &err;
}
%typemap(freearg) pv_error *problem %{
    if ($1->status != PV_OK) {
        pvj_throw(jenv, $1, "input");
    }
%}

/* The names of the arguments in pvj_record.h are those of the typemaps above. */
%apply (const int8_t *bytes, int32_t length) { (const int8_t *query, int32_t length),
                                                (const int8_t *queries, int32_t length) };
%apply (int64_t *words, int32_t capacity) { (int64_t *outcomes, int32_t capacity),
                                            (int64_t *rows, int32_t capacity),
                                            (int64_t *steps, int32_t capacity) };

/* Every generated public type carries a javadoc comment that says where its documentation is. */
%pragma(java) moduleclassmodifiers="/**
 * The C API of portvakt (include/portvakt.h) as SWIG wraps it, with the C names: pv_evaluate,
 * pv_reason_name ... Each function is documented in the header; a pv_date is a LocalDate, a
 * failing status throws org.portvakt.InvalidInputException. The package org.portvakt is the API
 * meant for Java programs.
 */
public class"
%pragma(java) jniclassclassmodifiers="/** The native methods behind PortvaktC (generated by SWIG; loads the JNI library). */
public class"
%typemap(javaclassmodifiers) SWIGTYPE "/** The C struct of the same name in include/portvakt.h, as SWIG wraps it (started as its PV_*_INIT macro starts it). */
public class"
%typemap(javaclassmodifiers) SWIGTYPE *, SWIGTYPE &, SWIGTYPE [] "/** A pointer to a C type of include/portvakt.h, as SWIG wraps it. */
public class"
%typemap(javaclassmodifiers) enum SWIGTYPE "/** The C enum of the same name in include/portvakt.h, as SWIG wraps it (swigValue() is the C value). */
public enum"

/* The JNI class loads the library (from java.library.path, else from the jar) when first used. */
%pragma(java) jniclasscode=%{
  static {
    org.portvakt.jni.NativeLibrary.load();
  }
%}

%include "portvakt.i"

%ignore pvj_pack_date;
%ignore pvj_unpack_date;
%ignore pvj_pack_decision;
%include "pvj_record.h"
