{
  "targets": [
    {
      "target_name": "alphintra_mmap",
      "sources": ["src/map-file.c"],
      "cflags": ["-O2", "-Wall", "-Wextra"],
      "defines": ["NAPI_VERSION=8"]
    }
  ]
}
