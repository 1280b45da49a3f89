//go:build jni

// The JNI shim (GoJni.java): each function hands its primitive arguments to the export of the
// same name in operations.go. Compiled by cgo into the same library when build-go.sh finds jni.h
// (build tag jni).
#include <stdint.h>
#include <jni.h>
#include "_cgo_export.h"

#define BUF(b) ((char*)(intptr_t)(b))

JNIEXPORT jlong JNICALL Java_io_storebench_engine_go_GoJni_get(JNIEnv* env, jclass c, jlong h, jlong buf,
        jint klen, jint cap) {
    return (jlong)(intptr_t)sb_get(h, BUF(buf), klen, cap);
}

JNIEXPORT jlong JNICALL Java_io_storebench_engine_go_GoJni_put(JNIEnv* env, jclass c, jlong h, jlong buf,
        jint klen, jint vlen) {
    return (jlong)(intptr_t)sb_put(h, BUF(buf), klen, vlen);
}

JNIEXPORT jlong JNICALL Java_io_storebench_engine_go_GoJni_delete(JNIEnv* env, jclass c, jlong h, jlong buf,
        jint klen) {
    return (jlong)(intptr_t)sb_delete(h, BUF(buf), klen);
}

JNIEXPORT jlong JNICALL Java_io_storebench_engine_go_GoJni_scan(JNIEnv* env, jclass c, jlong h, jlong buf,
        jint slen, jint limit, jint cap) {
    return (jlong)(intptr_t)sb_scan(h, BUF(buf), slen, limit, cap);
}

JNIEXPORT jlong JNICALL Java_io_storebench_engine_go_GoJni_write(JNIEnv* env, jclass c, jlong h, jlong buf,
        jint n) {
    return (jlong)(intptr_t)sb_write(h, BUF(buf), n);
}

JNIEXPORT jint JNICALL Java_io_storebench_engine_go_GoJni_goroutines(JNIEnv* env, jclass c) {
    return sb_goroutines();
}
