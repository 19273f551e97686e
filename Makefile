# inkstone — a terminal news reader.  See README.md.
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
SHAREDIR ?= $(PREFIX)/share/inkstone
MANDIR ?= $(PREFIX)/share/man
DESTDIR ?=
VERSION = 0.1.0

CC ?= cc
PKG_CONFIG ?= pkg-config
BUILD ?= build
CFLAGS ?= -O2 -g
WARN = -Wall -Wextra -Wshadow -Wmissing-prototypes -Wstrict-prototypes \
       -Wwrite-strings -Wformat=2 -Wpointer-arith -Wvla
ifeq ($(WERROR),1)
WARN += -Werror
endif
PKG_CFLAGS := $(filter-out -D_XOPEN_SOURCE% -D_DEFAULT_SOURCE,\
	$(shell $(PKG_CONFIG) --cflags ncursesw yaml-0.1 2>/dev/null))
PKG_LIBS_MODEL := $(shell $(PKG_CONFIG) --libs yaml-0.1 2>/dev/null) -lunistring
PKG_LIBS_UI := $(shell $(PKG_CONFIG) --libs ncursesw 2>/dev/null)
CMOCKA_CFLAGS := $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS := $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)
ALL_CPPFLAGS = -Iinclude -D_GNU_SOURCE -DNCURSES_WIDECHAR=1 -DINKSTONE_VERSION='"$(VERSION)"' \
	-DINKSTONE_SHAREDIR='"$(SHAREDIR)"' $(CPPFLAGS)
ALL_CFLAGS = -std=c11 $(WARN) $(PKG_CFLAGS) $(CFLAGS)
LIBS = -lpthread

MODEL_SRC := $(filter-out src/main.c,$(wildcard src/*.c))
UI_SRC := $(wildcard src/ui/*.c)
MODEL_OBJ := $(MODEL_SRC:%.c=$(BUILD)/%.o)
UI_OBJ := $(UI_SRC:%.c=$(BUILD)/%.o)
MAIN_OBJ := $(BUILD)/src/main.o
LIBMODEL := $(BUILD)/libinkstone.a
TEST_SRC := $(wildcard tests/unit/test_*.c)
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
BENCH_SRC := $(wildcard tests/bench/bench_*.c)
BENCH_BIN := $(BENCH_SRC:tests/bench/%.c=$(BUILD)/bench/%)

all: inkstone

inkstone: $(BUILD)/inkstone
	rm -f inkstone && cp $(BUILD)/inkstone inkstone

$(BUILD)/inkstone: $(MAIN_OBJ) $(UI_OBJ) $(LIBMODEL)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(MAIN_OBJ) $(UI_OBJ) $(LIBMODEL) \
		$(PKG_LIBS_UI) $(PKG_LIBS_MODEL) $(LIBS)

$(LIBMODEL): $(MODEL_OBJ)
	rm -f $@
	ar rcs $@ $(MODEL_OBJ)

$(BUILD)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(LIBMODEL)
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) $(LDFLAGS) -o $@ $< \
		$(LIBMODEL) $(CMOCKA_LIBS) $(PKG_LIBS_MODEL) $(LIBS)

$(BUILD)/bench/%: tests/bench/%.c $(LIBMODEL)
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< \
		$(LIBMODEL) $(PKG_LIBS_MODEL) $(LIBS)

-include $(MODEL_OBJ:.o=.d) $(UI_OBJ:.o=.d) $(MAIN_OBJ:.o=.d)

# The two commands README.md gives: `make run` and `make test`.
deps:
	@sh tools/deps.sh

run: deps
	$(MAKE) inkstone
	./inkstone articles

unit: $(TEST_BIN)
	@sh tests/run-unit.sh $(TEST_BIN)

e2e: inkstone
	@sh tests/e2e/run.sh

# Fuzz targets (clang libFuzzer): `make fuzz` runs each for FUZZ_SECONDS;
# `make fuzz-replay` (part of `make test`) runs every corpus file once.
# Besides tests/fuzz/corpus, run.sh seeds them from articles/,
# tests/fixtures and tests/data/yaml-test-suite where those live.
FUZZ_SRC := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BIN := $(FUZZ_SRC:tests/fuzz/%.c=build-fuzz/%)
FUZZ_SECONDS ?= 60
FUZZ_FLAGS = -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined

lib: $(LIBMODEL)

fuzzlib:
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang \
		CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined" \
		lib

# build-fuzz/libinkstone.a is made by fuzzlib, which fuzz and fuzz-replay run first.
build-fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/common.h build-fuzz/libinkstone.a
	clang $(ALL_CPPFLAGS) -std=c11 $(PKG_CFLAGS) $(FUZZ_FLAGS) -o $@ $< \
		build-fuzz/libinkstone.a $(PKG_LIBS_MODEL) $(LIBS)

fuzz-replay: fuzzlib
	@$(MAKE) --no-print-directory $(FUZZ_BIN)
	@sh tests/fuzz/run.sh replay $(FUZZ_BIN)

fuzz: fuzzlib
	@$(MAKE) --no-print-directory $(FUZZ_BIN)
	@sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_BIN)

lint-man:
	@if command -v mandoc >/dev/null 2>&1; then \
		mandoc -Tlint -W warning man/*.[1-9] && echo "mandoc -Tlint: clean"; \
	else echo "mandoc not installed: man page lint skipped"; fi

test: deps
	$(MAKE) unit e2e fuzz-replay lint-man

sanitize: deps
	$(MAKE) BUILD=build-san CC=clang \
		CFLAGS="-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined" \
		LDFLAGS="-fsanitize=address,undefined" unit e2e

# The reader and the commands under valgrind: slow, so not part of `make test`.
valgrind: inkstone
	@sh tests/e2e/valgrind.sh

# The module benchmarks, then the scale benchmark (tests/bench/README):
# BENCH_SIZES="1000 10000" for a quicker run, BENCH_DIR for its data.
BENCH_SIZES ?= 1000 10000 100000
BENCH_DIR ?= build/benchdata
bench: $(BENCH_BIN) inkstone
	@for b in $(BENCH_BIN); do echo "== $$b"; $$b || exit 1; done
	@echo "== tests/bench/scale.sh ($(BENCH_SIZES))"
	@SIZES="$(BENCH_SIZES)" BENCH_DIR="$(BENCH_DIR)" sh tests/bench/scale.sh

install: inkstone
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(SHAREDIR)/themes $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	cp inkstone $(DESTDIR)$(BINDIR)/inkstone
	cp themes/*.yaml $(DESTDIR)$(SHAREDIR)/themes/ 2>/dev/null || true
	cp data/*.yaml $(DESTDIR)$(SHAREDIR)/ 2>/dev/null || true
	cp man/inkstone.1 $(DESTDIR)$(MANDIR)/man1/
	if [ -f man/inkstone-config.5 ]; then cp man/inkstone-config.5 $(DESTDIR)$(MANDIR)/man5/; fi

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/inkstone $(DESTDIR)$(MANDIR)/man1/inkstone.1 \
		$(DESTDIR)$(MANDIR)/man5/inkstone-config.5
	rm -rf $(DESTDIR)$(SHAREDIR)

clean:
	rm -rf build build-san build-fuzz inkstone

.PHONY: all lib fuzzlib inkstone deps run unit e2e fuzz fuzz-replay lint-man test sanitize valgrind bench install uninstall clean
