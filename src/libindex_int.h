/* libindex_int: the index file's format, shared by libindex.c (loading and
 * reading) and libindex_write.c (building); private. */
#ifndef INKSTONE_LIBINDEX_INT_H
#define INKSTONE_LIBINDEX_INT_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "inkstone/libindex.h"

/*
 * The file is its own in-memory form: a header, then arrays of fixed-size
 * records, then one block of NUL-terminated strings that the records name
 * by offset.  Loading is a mmap, a checksum and a bounds check of every
 * offset, with no parsing and no allocation per article.  Native byte
 * order: the cache never leaves the machine (the endian mark refuses a
 * foreign file).
 *
 * Two checksums: one over what the list needs (articles, tags, strings),
 * checked at load, and one over the entities and mentions (three quarters
 * of the file), checked the first time they are asked for.  A start that
 * only lists never brings the mentions into memory: 100,000 articles
 * hold 4 million of them, 32 MB.  If they turn out damaged, the index
 * has no entities and says so (libindex_entities_bad), and the next
 * refresh rebuilds it.
 */
#define MAGIC		"INKIDX01"
#define ENDIAN_MARK	0x01020304u
#define VERSION		3u	/* 3: two checksums, the entities' fingerprint */

struct hdr {
	char		magic[8];
	uint32_t	endian;
	uint32_t	version;
	uint64_t	total;		/* file size */
	uint64_t	sum_list;	/* of articles, tags and strings */
	uint64_t	sum_ents;	/* of entities, mentions and aliases */
	uint32_t	narticles;
	uint32_t	nentities;
	uint32_t	nments;
	uint32_t	ntags;
	uint32_t	naliases;
	uint32_t	root;		/* string offset */
	uint64_t	off_articles;
	uint64_t	off_entities;
	uint64_t	off_ments;
	uint64_t	off_tags;
	uint64_t	off_aliases;
	uint64_t	off_strings;
	uint64_t	len_strings;
	uint64_t	entities_fp;	/* entity_db_fingerprint, 0: unknown */
};

#define F_FAILED	1u
#define F_DERIVED	2u
#define NO_ERROR	UINT32_MAX

struct rec {
	uint32_t	rel, title, source, date, error;
	uint32_t	flags;
	uint64_t	size;
	int64_t		mtime_ns;
	uint64_t	hash;
	uint32_t	tag_first, ntags;
	uint32_t	ment_first, nments;
};

struct ent {
	uint32_t	name;
	uint32_t	type;
	uint32_t	alias_first, naliases;
	uint32_t	narticles;
	uint32_t	pad;
	uint64_t	nmentions;
};

struct ment {
	uint32_t	entity;
	uint32_t	count;
};

struct libindex {
	int			 mapped; /* map is mmap'd, else malloc'd */
	const char		*map;
	size_t			 maplen;
	const struct hdr	*h;
	const struct rec	*recs;
	const struct ent	*ents;
	const struct ment	*ments;
	const uint32_t		*tags;
	const uint32_t		*aliases;
	const char		*str;
	atomic_int		 ents_state; /* 0: unchecked, 1: good, -1: bad */
};

/* The checksums of the list's part of the file (articles, tags, strings)
 * and of the entities' part (entities, mentions, aliases). */
uint64_t		 libindex_sum_list(const char *map, const struct hdr *h);
uint64_t		 libindex_sum_ents(const char *map, const struct hdr *h);
/* An index over data (which it then owns: munmap'd if mapped, else
 * freed); the arrays are set only for data made here (not mapped). */
struct libindex		*libindex_over(const char *data, size_t len, int mapped);
/* FNV-1a of s, salted. */
uint64_t		 libindex_str_hash(const char *s, uint32_t salt);

#endif
