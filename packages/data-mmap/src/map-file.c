/*
 * Maps a file into memory and hands it to JavaScript as an ArrayBuffer, so that typed-array
 * views over it read the file's bytes without copying them (used by @alphintra/data to load
 * `.alph` datasets). Linux and other POSIX systems only; @alphintra/data falls back to plain
 * reads wherever this addon is missing.
 *
 * The file is opened read-only. The mapping is private and copy-on-write (PROT_READ |
 * PROT_WRITE, MAP_PRIVATE): a program may write into the arrays (the written page becomes
 * its own copy) and nothing ever reaches the file. The mapping is released when the
 * ArrayBuffer is garbage-collected.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <node_api.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* Returns the errno name (ENOENT, EACCES …) that Node's own fs errors carry as `code`. */
static const char *errno_name(int error) {
  switch (error) {
    case ENOENT: return "ENOENT";
    case EACCES: return "EACCES";
    case EISDIR: return "EISDIR";
    case ENOTDIR: return "ENOTDIR";
    case EMFILE: return "EMFILE";
    case ENFILE: return "ENFILE";
    case ENOMEM: return "ENOMEM";
    case EINVAL: return "EINVAL";
    case ENODEV: return "ENODEV";
    case EAGAIN: return "EAGAIN";
    case EPERM: return "EPERM";
    case ELOOP: return "ELOOP";
    case ENAMETOOLONG: return "ENAMETOOLONG";
    default: return "EIO";
  }
}

#ifndef MADV_POPULATE_READ
#define MADV_POPULATE_READ 22
#endif

/*
 * Maps every page of the range for reading now, so that later reads take no page faults.
 * MAP_POPULATE would not do: on a private writable mapping it faults pages in for writing,
 * copying every page. MADV_POPULATE_READ (Linux 5.14+) maps the page-cache pages themselves;
 * where it is unknown, MADV_WILLNEED at least starts reading the file ahead. Best effort:
 * failure only means the faults come later.
 */
static void prefault(void *address, size_t length) {
  if (madvise(address, length, MADV_POPULATE_READ) == 0) return;
  madvise(address, length, MADV_WILLNEED);
}

/* One mapping request: filled by map_now (on any thread), turned into a value on the JS thread. */
typedef struct {
  char path[4096];
  bool populate;
  void *address;
  size_t length;
  int error;          /* errno of the failed step, 0 on success */
  const char *action; /* the failed step: open, stat, mmap */
  napi_async_work work;
  napi_deferred deferred;
} request_t;

/* Opens, maps and (optionally) prefaults the file. Touches no JavaScript state. */
static void map_now(request_t *r) {
  r->address = NULL;
  r->length = 0;
  r->error = 0;
  int fd = open(r->path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    r->error = errno;
    r->action = "open";
    return;
  }
  struct stat st;
  if (fstat(fd, &st) != 0) {
    r->error = errno;
    r->action = "stat";
  } else if (S_ISDIR(st.st_mode)) {
    r->error = EISDIR;
    r->action = "mmap";
  } else if (!S_ISREG(st.st_mode)) {
    r->error = ENODEV;
    r->action = "mmap";
  } else if (st.st_size > 0) {
    size_t length = (size_t)st.st_size;
    void *address = mmap(NULL, length, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    if (address == MAP_FAILED) {
      r->error = errno;
      r->action = "mmap";
    } else {
      if (r->populate) prefault(address, length);
      r->address = address;
      r->length = length;
    }
  }
  close(fd); /* the mapping keeps the file alive */
}

/* Returns an Error for a failed request, with `code` set to the errno name. */
static napi_value request_error(napi_env env, const request_t *r) {
  char message[4200];
  const char *name = errno_name(r->error);
  snprintf(message, sizeof message, "%s: %s, %s '%s'", name, strerror(r->error), r->action, r->path);
  napi_value code, text, error;
  napi_create_string_utf8(env, name, NAPI_AUTO_LENGTH, &code);
  napi_create_string_utf8(env, message, NAPI_AUTO_LENGTH, &text);
  napi_create_error(env, code, text, &error);
  return error;
}

typedef struct {
  void *address;
  size_t length;
} mapping_t;

static void release(napi_env env, void *data, void *hint) {
  mapping_t *m = (mapping_t *)hint;
  (void)data;
  int64_t ignored;
  munmap(m->address, m->length);
  napi_adjust_external_memory(env, -(int64_t)m->length, &ignored);
  free(m);
}

/*
 * Wraps a successful request's mapping as an ArrayBuffer that unmaps it when collected; on
 * failure sets *error instead. An empty file gives an empty ordinary ArrayBuffer.
 */
static napi_status wrap_mapping(napi_env env, request_t *r, napi_value *result, napi_value *error) {
  *error = NULL;
  if (r->error != 0) {
    *error = request_error(env, r);
    return napi_ok;
  }
  if (r->address == NULL) {
    void *unused;
    return napi_create_arraybuffer(env, 0, &unused, result);
  }
  mapping_t *m = (mapping_t *)malloc(sizeof *m);
  if (m == NULL) {
    munmap(r->address, r->length);
    r->error = ENOMEM;
    r->action = "mmap";
    *error = request_error(env, r);
    return napi_ok;
  }
  m->address = r->address;
  m->length = r->length;
  napi_status status = napi_create_external_arraybuffer(env, m->address, m->length, release, m, result);
  if (status != napi_ok) {
    /* Some runtimes refuse memory they did not allocate; the caller then reads the file instead. */
    munmap(m->address, m->length);
    free(m);
    napi_value code, text;
    napi_create_string_utf8(env, "ERR_MMAP_UNSUPPORTED", NAPI_AUTO_LENGTH, &code);
    napi_create_string_utf8(env, "this runtime does not accept external array buffers", NAPI_AUTO_LENGTH, &text);
    napi_create_error(env, code, text, error);
    return napi_ok;
  }
  /* Tell the garbage collector how much memory the buffer holds, so unreferenced mappings are released. */
  int64_t ignored;
  napi_adjust_external_memory(env, (int64_t)m->length, &ignored);
  return napi_ok;
}

/* Reads the (path, populate) arguments into `r`; returns false after throwing a TypeError. */
static bool read_arguments(napi_env env, napi_callback_info info, request_t *r) {
  size_t argc = 2;
  napi_value argv[2];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 1) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", "expected a path");
    return false;
  }
  size_t path_length = 0;
  if (napi_get_value_string_utf8(env, argv[0], r->path, sizeof r->path, &path_length) != napi_ok) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", "expected the path as a string");
    return false;
  }
  if (path_length >= sizeof r->path - 1) {
    napi_throw_error(env, "ENAMETOOLONG", "ENAMETOOLONG: path too long");
    return false;
  }
  if (strlen(r->path) != path_length) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_VALUE", "expected a path without NUL bytes");
    return false;
  }
  r->populate = false;
  if (argc >= 2) napi_get_value_bool(env, argv[1], &r->populate);
  return true;
}

/*
 * mapFile(path: string, populate: boolean): ArrayBuffer
 * With `populate`, every page is mapped before returning (read from disk if not cached), so
 * later reads take no page faults.
 */
static napi_value map_file(napi_env env, napi_callback_info info) {
  request_t r;
  if (!read_arguments(env, info, &r)) return NULL;
  map_now(&r);
  napi_value result = NULL, error;
  if (wrap_mapping(env, &r, &result, &error) != napi_ok) {
    napi_throw_error(env, "ERR_MMAP_UNSUPPORTED", "cannot create an array buffer");
    return NULL;
  }
  if (error != NULL) {
    napi_throw(env, error);
    return NULL;
  }
  return result;
}

static void execute_async(napi_env env, void *data) {
  (void)env;
  map_now((request_t *)data);
}

static void complete_async(napi_env env, napi_status status, void *data) {
  request_t *r = (request_t *)data;
  napi_value result = NULL, error = NULL;
  if (status != napi_ok) {
    if (r->address != NULL) munmap(r->address, r->length);
    napi_value code, text;
    napi_create_string_utf8(env, "ERR_MMAP_CANCELLED", NAPI_AUTO_LENGTH, &code);
    napi_create_string_utf8(env, "the mapping was cancelled", NAPI_AUTO_LENGTH, &text);
    napi_create_error(env, code, text, &error);
  } else if (wrap_mapping(env, r, &result, &error) != napi_ok) {
    napi_value code, text;
    napi_create_string_utf8(env, "ERR_MMAP_UNSUPPORTED", NAPI_AUTO_LENGTH, &code);
    napi_create_string_utf8(env, "cannot create an array buffer", NAPI_AUTO_LENGTH, &text);
    napi_create_error(env, code, text, &error);
  }
  if (error != NULL) napi_reject_deferred(env, r->deferred, error);
  else napi_resolve_deferred(env, r->deferred, result);
  napi_delete_async_work(env, r->work);
  free(r);
}

/*
 * mapFileAsync(path: string, populate: boolean): Promise<ArrayBuffer>
 * The same as mapFile, with the open, map and prefault done on a libuv worker thread, so a
 * file that is not cached yet does not block the event loop while it is read.
 */
static napi_value map_file_async(napi_env env, napi_callback_info info) {
  request_t *r = (request_t *)calloc(1, sizeof *r);
  if (r == NULL) {
    napi_throw_error(env, "ENOMEM", "ENOMEM: out of memory");
    return NULL;
  }
  if (!read_arguments(env, info, r)) {
    free(r);
    return NULL;
  }
  napi_value promise, name;
  if (napi_create_promise(env, &r->deferred, &promise) != napi_ok ||
      napi_create_string_utf8(env, "alphintra:mapFile", NAPI_AUTO_LENGTH, &name) != napi_ok ||
      napi_create_async_work(env, NULL, name, execute_async, complete_async, r, &r->work) != napi_ok ||
      napi_queue_async_work(env, r->work) != napi_ok) {
    free(r);
    napi_throw_error(env, "ERR_MMAP_UNSUPPORTED", "cannot queue the mapping");
    return NULL;
  }
  return promise;
}

static napi_value init(napi_env env, napi_value exports) {
  napi_value fn;
  if (napi_create_function(env, "mapFile", NAPI_AUTO_LENGTH, map_file, NULL, &fn) != napi_ok ||
      napi_set_named_property(env, exports, "mapFile", fn) != napi_ok ||
      napi_create_function(env, "mapFileAsync", NAPI_AUTO_LENGTH, map_file_async, NULL, &fn) != napi_ok ||
      napi_set_named_property(env, exports, "mapFileAsync", fn) != napi_ok) {
    napi_throw_error(env, "ERR_MMAP_UNSUPPORTED", "cannot initialise the addon");
    return NULL;
  }
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
