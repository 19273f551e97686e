/* Tests for entity: the gazetteer's loading and merging, the rules one at a
 * time, spans, sorting, CJK patterns, numbers, and hostile input. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "inkstone/entity.h"
#include "inkstone/util.h"

static struct entity_db *shipped;
static struct entity_db *bare;

static int
setup(void **state)
{
	char *cause = NULL;

	(void)state;
	shipped = entity_db_load("data/entities.yaml", NULL, &cause);
	bare = entity_db_load(NULL, NULL, &cause);
	return shipped == NULL || bare == NULL;
}

static int
teardown(void **state)
{
	(void)state;
	entity_db_free(shipped);
	entity_db_free(bare);
	return 0;
}

/* Extracts from one or more paragraphs given as NULL-terminated varargs. */
static struct entity_set *
run(const struct entity_db *db, const char *first, ...)
{
	const char	*p[16];
	size_t		 l[16], n = 0;
	va_list		 ap;

	va_start(ap, first);
	for (p[0] = first; p[n] != NULL && n < 15; p[++n] = va_arg(ap,
	    const char *))
		l[n] = strlen(p[n]);
	va_end(ap);
	return entity_extract(db, p, l, n);
}

static const struct entity *
must(const struct entity_set *s, const char *name, enum entity_type type)
{
	const struct entity *e = entity_set_find(s, name);

	if (e == NULL)
		fail_msg("no entity \"%s\"", name);
	if (e->type != type)
		fail_msg("\"%s\" is %s, not %s", name,
		    entity_type_name(e->type), entity_type_name(type));
	return e;
}

static int
has_alias(const struct entity *e, const char *a)
{
	size_t i;

	for (i = 0; i < e->naliases; i++)
		if (strcmp(e->aliases[i], a) == 0)
			return 1;
	return 0;
}

static char *
write_tmp(const char *text)
{
	char	 path[] = "/tmp/inkstone-entity-XXXXXX";
	int	 fd = mkstemp(path);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return xstrdup(path);
}

static void
test_types(void **state)
{
	int t;

	(void)state;
	for (t = 0; t < ENTITY_NTYPES; t++)
		assert_int_equal(entity_type_parse(entity_type_name(
		    (enum entity_type)t)), t);
	assert_int_equal(entity_type_parse("org"), ENTITY_ORG);
	assert_int_equal(entity_type_parse("COMPANY"), -1);
}

static void
test_capitalised_rules(void **state)
{
	struct entity_set	*s;
	const struct entity	*e;

	(void)state;
	/* None of these is in any gazetteer: the rules alone. */
	s = run(bare, "Zentrix Semiconductor Co said on Monday that chief "
	    "executive Anna Lindqvist would meet Mayor Oskar Brandt.",
	    "Lindqvist said Zentrix would hire 300 engineers.", NULL);
	must(s, "Zentrix Semiconductor Co", ENTITY_ORG);
	e = must(s, "Anna Lindqvist", ENTITY_PERSON);
	assert_true(has_alias(e, "Lindqvist"));
	assert_int_equal(e->nspans, 2);
	must(s, "Oskar Brandt", ENTITY_PERSON);
	/* The org's name without its suffix is the org. */
	assert_true(has_alias(entity_set_find(s, "Zentrix Semiconductor Co"),
	    "Zentrix"));
	entity_set_free(s);
	/* Organisation patterns, connectors, acronyms in parentheses. */
	s = run(bare, "Officials at the Bureau of Energy and the Korea "
	    "Institute of Industrial Economics (KIET) disagreed. Later KIET "
	    "published its own figures.", NULL);
	must(s, "Bureau of Energy", ENTITY_ORG);
	e = must(s, "Korea Institute of Industrial Economics", ENTITY_ORG);
	assert_true(has_alias(e, "KIET"));
	assert_int_equal(e->nspans, 3);
	entity_set_free(s);
}

static void
test_never_entities(void **state)
{
	struct entity_set	*s;
	size_t			 i;

	(void)state;
	s = run(bare, "However, The plan was approved in March.",
	    "Such rules took effect on Monday, Chinese and Japanese officials "
	    "said.", "In Taiwan, The Ministry said nothing.", NULL);
	for (i = 0; i < s->n; i++) {
		assert_string_not_equal(s->v[i].name, "However");
		assert_string_not_equal(s->v[i].name, "The");
		assert_string_not_equal(s->v[i].name, "March");
		assert_string_not_equal(s->v[i].name, "Monday");
		assert_string_not_equal(s->v[i].name, "Chinese");
		assert_string_not_equal(s->v[i].name, "Japanese");
		assert_string_not_equal(s->v[i].name, "Such");
		assert_string_not_equal(s->v[i].name, "In");
	}
	entity_set_free(s);
	/* Headline case: only what is known is trusted. */
	s = run(bare, "Chip Giant Unveils Bold New Plan For Overseas Growth",
	    NULL);
	assert_int_equal(s->n, 0);
	entity_set_free(s);
}

static void
test_dateline_and_titles(void **state)
{
	struct entity_set	*s;

	(void)state;
	s = run(bare, "HSINCHU, Taiwan: Premier Cho Jung-tai visited the "
	    "plant, said Zentrix chairman Liu Wen-hsiung.", NULL);
	must(s, "Hsinchu", ENTITY_PLACE);
	must(s, "Taiwan", ENTITY_PLACE);
	must(s, "Cho Jung-tai", ENTITY_PERSON);
	must(s, "Liu Wen-hsiung", ENTITY_PERSON);
	must(s, "Zentrix", ENTITY_ORG);
	entity_set_free(s);
	s = run(bare, "Economic Affairs Minister Kung Ming-hsin spoke.", NULL);
	must(s, "Kung Ming-hsin", ENTITY_PERSON);
	assert_null(entity_set_find(s, "Economic Affairs"));
	entity_set_free(s);
}

static void
test_cjk_aliases(void **state)
{
	struct entity_set	*s;
	const struct entity	*e;

	(void)state;
	s = run(bare, "Vice Premier Zhou Wenbo (周文博) met executives of "
	    "Kestrel Microsystems Co (KMC, 紅隼微系統) in Suzhou.",
	    "Zhou said KMC would grow. 紅隼微系統 declined to comment.", NULL);
	e = must(s, "Zhou Wenbo", ENTITY_PERSON);
	assert_true(has_alias(e, "周文博"));
	assert_true(has_alias(e, "Zhou"));
	e = must(s, "Kestrel Microsystems Co", ENTITY_ORG);
	assert_true(has_alias(e, "KMC"));
	assert_true(has_alias(e, "紅隼微系統"));
	assert_int_equal(e->nspans, 5);
	entity_set_free(s);
	/* The gazetteer links a CJK name met alone to its English name. */
	s = run(shipped, "台積電與聯發科今天宣布合作。", NULL);
	must(s, "台積電", ENTITY_ORG);
	assert_string_equal(entity_set_find(s, "台積電")->name,
	    "Taiwan Semiconductor Manufacturing Co");
	must(s, "MediaTek", ENTITY_ORG);
	entity_set_free(s);
}

/* Fails if two mentions in the set share a byte of text. */
static void
spans_apart(const struct entity_set *s)
{
	const struct entity_span	*a, *b;
	size_t				 i, j, k, m;

	for (i = 0; i < s->n; i++)
		for (j = 0; j < s->v[i].nspans; j++)
			for (k = i; k < s->n; k++)
				for (m = k == i ? j + 1 : 0;
				    m < s->v[k].nspans; m++) {
					a = &s->v[i].spans[j];
					b = &s->v[k].spans[m];
					if (a->para == b->para &&
					    a->start < b->end &&
					    b->start < a->end)
						fail_msg("\"%s\" and \"%s\" "
						    "share text",
						    s->v[i].name, s->v[k].name);
				}
}

static void
test_possessive_names(void **state)
{
	/* A name wrapped over two source lines, as a .md paragraph is. */
	const char		*p = "Across the border the reaction was "
	    "muted. People's\nBank of China (中國人民銀行) governor Pan "
	    "Gongsheng spoke in June.";
	struct entity_set	*s;
	const struct entity	*e;

	(void)state;
	s = run(shipped, p, NULL);
	e = must(s, "People's Bank of China", ENTITY_ORG);
	assert_true(has_alias(e, "中國人民銀行"));
	/* Bank of China (中國銀行) is another bank. */
	assert_false(has_alias(e, "Bank of China"));
	assert_null(entity_set_find(s, "Bank of China"));
	assert_int_equal(e->nspans, 2);
	assert_memory_equal(p + e->spans[0].start, "People's\nBank of China",
	    e->spans[0].end - e->spans[0].start);
	spans_apart(s);
	entity_set_free(s);
	s = run(shipped, "Bank of China (中國銀行) and the People's Bank of "
	    "China (中國人民銀行) disagreed.", NULL);
	e = must(s, "Bank of China", ENTITY_ORG);
	assert_true(has_alias(e, "中國銀行"));
	assert_false(has_alias(e, "中國人民銀行"));
	e = must(s, "People's Bank of China", ENTITY_ORG);
	assert_true(has_alias(e, "中國人民銀行"));
	assert_false(has_alias(e, "中國銀行"));
	spans_apart(s);
	entity_set_free(s);
	/* The rules alone: a plural noun's possessive is inside a name. */
	s = run(bare, "People's Bank of Zentria officials visited the "
	    "Children\xe2\x80\x99s Hospital in Oskarsberg. Later they "
	    "toured Women's University.", NULL);
	must(s, "People's Bank of Zentria", ENTITY_ORG);
	must(s, "Children\xe2\x80\x99s Hospital", ENTITY_ORG);
	must(s, "Women's University", ENTITY_ORG);
	assert_null(entity_set_find(s, "Bank of Zentria"));
	assert_null(entity_set_find(s, "Hospital"));
	entity_set_free(s);
	s = run(shipped, "Officials of the People's Republic of China "
	    "objected.", NULL);
	e = must(s, "China", ENTITY_PLACE);
	assert_true(has_alias(e, "People's Republic of China"));
	entity_set_free(s);
	/* A name inside another's is no alias of it, though the text links
	 * the two; a short form is. */
	s = run(bare, "The Grand Bank of Zentria (曾大銀) opened.",
	    "Later Bank of Zentria (曾大銀) staff met Grand Bank staff.",
	    NULL);
	e = must(s, "Grand Bank of Zentria", ENTITY_ORG);
	assert_true(has_alias(e, "曾大銀"));
	assert_false(has_alias(e, "Bank of Zentria"));
	assert_true(has_alias(e, "Grand Bank"));
	assert_int_equal(e->nspans, 5);
	entity_set_free(s);
	/* A name's own possessive ends it. */
	s = run(shipped, "China's Ministry of Commerce said on Monday that "
	    "Samsung's chief executive would visit. Zentria's Bureau of "
	    "Energy agreed.", NULL);
	e = must(s, "Ministry of Commerce", ENTITY_ORG);
	assert_int_equal(e->spans[0].start, strlen("China's "));
	must(s, "Bureau of Energy", ENTITY_ORG);
	assert_null(entity_set_find(s, "China's Ministry of Commerce"));
	assert_null(entity_set_find(s, "Zentria's Bureau of Energy"));
	must(s, "China", ENTITY_PLACE);
	must(s, "Samsung", ENTITY_ORG);
	spans_apart(s);
	entity_set_free(s);
}

/* One span of text is one mention, the gazetteer's longer name winning
 * over the rule's shorter one. */
static void
test_one_span_one_mention(void **state)
{
	const char		*p0 = "The e-commerce company JD.com (京東) "
	    "plans to apply.";
	const char		*p1 = "Shares of JD.com rose.";
	struct entity_set	*s;
	const struct entity	*e;

	(void)state;
	s = run(shipped, p0, p1, NULL);
	e = must(s, "JD.com", ENTITY_ORG);
	assert_true(has_alias(e, "京東"));
	assert_null(entity_set_find(s, "JD"));
	assert_int_equal(e->nspans, 3);
	assert_memory_equal(p0 + e->spans[0].start, "JD.com", 6);
	assert_int_equal(e->spans[0].end - e->spans[0].start, 6);
	assert_memory_equal(p1 + e->spans[2].start, "JD.com", 6);
	assert_int_equal(e->spans[2].end - e->spans[2].start, 6);
	spans_apart(s);
	entity_set_free(s);
	/* The rules alone: ".com" ends a capitalised name, not a sentence
	 * ("Kestrel. Com..."). */
	s = run(bare, p0, p1, NULL);
	e = must(s, "JD.com", ENTITY_ORG);
	assert_true(has_alias(e, "京東"));
	assert_null(entity_set_find(s, "JD"));
	assert_int_equal(e->nspans, 3);
	entity_set_free(s);
	s = run(bare, "The retailer Kestrel.com said it agreed with Oskar "
	    "Brandt. Com Hem declined.", NULL);
	must(s, "Kestrel.com", ENTITY_ORG);
	assert_null(entity_set_find(s, "Brandt.com"));
	must(s, "Oskar Brandt", ENTITY_PERSON);
	entity_set_free(s);
}

static void
test_cjk_patterns(void **state)
{
	struct entity_set	*s;

	(void)state;
	s = run(bare, "據報導，星河電子公司將在合肥市設廠，"
	    "並與浙江大學及招商銀行合作。株式会社トヨタと広東省の企業も"
	    "参加した。", NULL);
	must(s, "星河電子公司", ENTITY_ORG);
	must(s, "合肥市", ENTITY_PLACE);
	must(s, "浙江大學", ENTITY_ORG);
	must(s, "招商銀行", ENTITY_ORG);
	must(s, "株式会社トヨタ", ENTITY_ORG);
	must(s, "広東省", ENTITY_PLACE);
	entity_set_free(s);
	/* 上市 and 市場 are not cities. */
	s = run(bare, "該公司計畫明年上市，市場反應熱烈。", NULL);
	assert_null(entity_set_find(s, "年上市"));
	assert_null(entity_set_find(s, "上市"));
	entity_set_free(s);
}

static void
test_numbers(void **state)
{
	struct entity_set	*s;

	(void)state;
	s = run(bare, "The deal is worth US$1.4 trillion, or 70 billion yuan, "
	    "against US$100bil (RM424.99bil) and NT$5 billion; margins rose "
	    "60% and sales 25 percent on March 5, 2024, 5 March 2024 and "
	    "2024-03-05, but not in 2024 alone.",
	    "營收達新台幣100億元，成長12％，2024年3月5日公布。", NULL);
	must(s, "US$1.4 trillion", ENTITY_MONEY);
	must(s, "70 billion yuan", ENTITY_MONEY);
	must(s, "US$100bil", ENTITY_MONEY);
	must(s, "RM424.99bil", ENTITY_MONEY);
	must(s, "NT$5 billion", ENTITY_MONEY);
	must(s, "60%", ENTITY_PERCENT);
	must(s, "25 percent", ENTITY_PERCENT);
	must(s, "March 5, 2024", ENTITY_DATE);
	must(s, "5 March 2024", ENTITY_DATE);
	must(s, "2024-03-05", ENTITY_DATE);
	assert_null(entity_set_find(s, "2024"));
	must(s, "新台幣100億元", ENTITY_MONEY);
	must(s, "12％", ENTITY_PERCENT);
	must(s, "2024年3月5日", ENTITY_DATE);
	entity_set_free(s);
}

static void
test_spans_and_order(void **state)
{
	const char		*p0 = "TSMC said Apple and TSMC agreed.";
	const char		*p1 = "Later, TSMC (台積電) confirmed it.";
	struct entity_set	*s;
	const struct entity	*e;
	size_t			 i;

	(void)state;
	s = run(shipped, p0, p1, NULL);
	e = must(s, "TSMC", ENTITY_ORG);
	assert_int_equal(e->nspans, 4);
	assert_int_equal(e->spans[0].para, 0);
	assert_int_equal(e->spans[0].start, 0);
	assert_int_equal(e->spans[0].end, 4);
	assert_memory_equal(p0 + e->spans[1].start, "TSMC", 4);
	assert_int_equal(e->spans[2].para, 1);
	assert_memory_equal(p1 + e->spans[2].start, "TSMC", 4);
	assert_memory_equal(p1 + e->spans[3].start, "台積電",
	    e->spans[3].end - e->spans[3].start);
	/* Sorted by type, then mentions (most first), then name. */
	for (i = 1; i < s->n; i++) {
		assert_true(s->v[i - 1].type <= s->v[i].type);
		if (s->v[i - 1].type == s->v[i].type)
			assert_true(s->v[i - 1].nspans >= s->v[i].nspans);
	}
	assert_string_equal(s->v[0].name,
	    "Taiwan Semiconductor Manufacturing Co");
	entity_set_free(s);
}

static void
test_gazetteer_errors(void **state)
{
	static const struct {
		const char	*yaml;
		const char	*want;
	} bad[] = {
		{ "entities:\n  - {name: X, type: THING}\n", ":2:" },
		{ "entities:\n  - name: X\n    type: ORG\n    colour: red\n",
		    "unknown key \"colour\"" },
		{ "entities: {name: X}\n", "must be a list" },
		{ "entities:\n  - {type: ORG}\n", "needs a name" },
		{ "entities:\n  - {name: X, type: ORG, aliases: [[a]]}\n",
		    "alias" },
		{ "a: &x [1]\nb: *x\n", "aliases are not allowed" },
		{ "entities: [\n", "bad" },
		{ "[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]\n", "too deep" },
		{ "colours: []\n", "unknown key" },
		{ "entities:\n  - {name: \"a\\eb\", type: ORG}\n",
		    "control characters" },
		{ "entities:\n  - {name: a, type: ORG, aliases: [\"\\x9b\"]}\n",
		    "without control" },
	};
	struct entity_db	*db;
	char			*path, *cause;
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		path = write_tmp(bad[i].yaml);
		cause = NULL;
		db = entity_db_load(path, NULL, &cause);
		assert_null(db);
		assert_non_null(cause);
		/* file:line:col: message */
		assert_true(strncmp(cause, path, strlen(path)) == 0);
		if (strstr(cause, bad[i].want) == NULL &&
		    strcmp(bad[i].want, "bad") != 0)
			fail_msg("%s: want \"%s\"", cause, bad[i].want);
		free(cause);
		unlink(path);
		free(path);
	}
	/* A missing user file is fine; a missing shipped file is not. */
	cause = NULL;
	db = entity_db_load("data/entities.yaml", "/nonexistent/e.yaml",
	    &cause);
	assert_non_null(db);
	entity_db_free(db);
	assert_null(entity_db_load("/nonexistent/e.yaml", NULL, &cause));
	free(cause);
}

/* A key met twice in one mapping is an error at each repeat, all of them
 * reported: the gazetteer and entfile would otherwise read the file
 * differently (every pair here, the first of each there). */
static void
test_duplicate_keys(void **state)
{
	struct entity_db	*db;
	char			*path, *cause, *want;

	(void)state;
	path = write_tmp("entities: [{name: Alice Smith, type: PERSON}]\n"
	    "ignore: [Foo]\n"
	    "entities: [{name: Bob Jones, type: PERSON}]\n");
	cause = NULL;
	assert_null(entity_db_load(NULL, path, &cause));
	want = xasprintf("%s:3:1: duplicate key \"entities\"", path);
	assert_non_null(cause);
	assert_string_equal(cause, want);
	free(want);
	free(cause);
	unlink(path);
	free(path);

	path = write_tmp("entities:\n"
	    "  - name: Bob Jones\n"
	    "    type: PERSON\n"
	    "    aliases: [Bobby]\n"
	    "    type: ORG\n"
	    "    aliases: [BJ]\n"
	    "  - {name: A, \"name\": B, type: ORG}\n");
	cause = NULL;
	assert_null(entity_db_load(path, NULL, &cause));
	want = xasprintf("%s:5:5: duplicate key \"type\"\n"
	    "%s:6:5: duplicate key \"aliases\"\n"
	    "%s:7:15: duplicate key \"name\"", path, path, path);
	assert_non_null(cause);
	assert_string_equal(cause, want);
	free(want);
	free(cause);
	unlink(path);
	free(path);

	/* A key that would repeat by its escapes is shown harmless. */
	path = write_tmp("ignore: []\n\"\\e[2Jx\": 1\n\"\\e[2Jx\": 2\n");
	cause = NULL;
	assert_null(entity_db_load(path, NULL, &cause));
	assert_non_null(cause);
	assert_non_null(strstr(cause, ":3:1: duplicate key \""));
	assert_null(strchr(cause, '\033'));
	free(cause);
	unlink(path);
	free(path);

	/* The same key in different mappings is no repeat. */
	path = write_tmp("entities:\n"
	    "  - {name: A, type: ORG}\n"
	    "  - {name: B, type: ORG}\n"
	    "ignore: []\n");
	cause = NULL;
	db = entity_db_load(NULL, path, &cause);
	assert_non_null(db);
	assert_int_equal(entity_db_count(db), 2);
	entity_db_free(db);
	unlink(path);
	free(path);
}

static void
test_user_file(void **state)
{
	struct entity_db	*db;
	struct entity_set	*s;
	const struct entity	*e;
	char			*path, *cause = NULL;

	(void)state;
	path = write_tmp("# mine\n"
	    "entities:\n"
	    "  - name: Orion Foundry\n"
	    "    type: ORG\n"
	    "    aliases: [Orion, 獵戶座晶圓]\n"
	    "  - {name: Taiwan Semiconductor Manufacturing Co, type: ORG,"
	    " aliases: [TSMC Arizona]}\n"
	    "  - {name: Kestrel, type: ORG, aliases: [Apple]}\n"
	    "ignore: [Bloomberg, Morgan Stanley]\n");
	db = entity_db_load("data/entities.yaml", path, &cause);
	assert_non_null(db);
	s = run(db, "Orion and TSMC Arizona signed a deal, Bloomberg and "
	    "Morgan Stanley said, and 獵戶座晶圓 agreed. Apple did not.", NULL);
	e = must(s, "Orion", ENTITY_ORG);
	assert_string_equal(e->name, "Orion Foundry");
	assert_true(has_alias(e, "獵戶座晶圓"));
	assert_string_equal(must(s, "TSMC Arizona", ENTITY_ORG)->name,
	    "Taiwan Semiconductor Manufacturing Co");
	/* The user's alias wins over the shipped entity's. */
	assert_string_equal(must(s, "Apple", ENTITY_ORG)->name, "Kestrel");
	assert_null(entity_set_find(s, "Bloomberg"));
	assert_null(entity_set_find(s, "Morgan Stanley"));
	entity_set_free(s);
	entity_db_free(db);
	unlink(path);
	free(path);
}

static uint64_t
fingerprint(const char *shipped_path, const char *user)
{
	struct entity_db	*db;
	char			*cause = NULL;
	uint64_t		 fp;

	db = entity_db_load(shipped_path, user, &cause);
	if (db == NULL)
		fail_msg("%s", cause);
	fp = entity_db_fingerprint(db);
	entity_db_free(db);
	assert_true(fp != 0);
	return fp;
}

/* The fingerprint the library index keeps: the same files give the same
 * one at every load; other bytes, a file in the other place, or a user
 * file absent rather than not asked for give another.  (It also holds
 * ENTITY_RULES_VERSION, so that a build whose rules extract otherwise
 * re-extracts every article; a constant cannot be changed from here.) */
static void
test_fingerprint(void **state)
{
	char		*a, *b, *a2;
	uint64_t	 fa;

	(void)state;
	a = write_tmp("entities: [{name: Alice Smith, type: PERSON}]\n");
	a2 = write_tmp("entities: [{name: Alice Smith, type: PERSON}]\n");
	b = write_tmp("entities: [{name: Alice Smith, type: ORG}]\n");
	fa = fingerprint(NULL, a);
	assert_true(fingerprint(NULL, a) == fa);
	assert_true(fingerprint(NULL, a2) == fa);	/* bytes, not names */
	assert_true(fingerprint(NULL, b) != fa);
	assert_true(fingerprint(a, NULL) != fa);
	assert_true(fingerprint(a, a) != fa);
	assert_true(fingerprint(NULL, NULL) == fingerprint(NULL, NULL));
	assert_true(fingerprint(NULL, "/nonexistent/e.yaml") !=
	    fingerprint(NULL, NULL));
	assert_true(fingerprint("data/entities.yaml", NULL) ==
	    entity_db_fingerprint(shipped));
	assert_true(entity_db_fingerprint(shipped) !=
	    entity_db_fingerprint(bare));
	unlink(a);
	unlink(a2);
	unlink(b);
	free(a);
	free(a2);
	free(b);
}

static void
test_hostile_input(void **state)
{
	const char		*p[4];
	size_t			 l[4], i, n = 200000;
	struct entity_set	*s;
	char			*big;

	(void)state;
	/* Empty, NULL and invalid UTF-8 paragraphs. */
	p[0] = "";
	l[0] = 0;
	p[1] = NULL;
	l[1] = 5;
	p[2] = "\xff\xfe Taipei \xe5\x8f (\xe5\x8f\xb0";
	l[2] = strlen(p[2]);
	s = entity_extract(shipped, p, l, 3);
	must(s, "Taipei", ENTITY_PLACE);
	entity_set_free(s);
	s = entity_extract(shipped, p, l, 0);
	assert_int_equal(s->n, 0);
	entity_set_free(s);
	/* A long run of capitals, of parentheses, of CJK; bytes past len
	 * are never read (no NUL at the end). */
	big = xmalloc(n);
	for (i = 0; i < n; i++)
		big[i] = "Ab (C) "[i % 7];
	p[0] = big;
	l[0] = n;
	s = entity_extract(bare, p, l, 1);
	entity_set_free(s);
	for (i = 0; i + 3 <= n; i += 3)
		memcpy(big + i, "市", 3);
	l[0] = i;
	s = entity_extract(bare, p, l, 1);
	entity_set_free(s);
	memcpy(big, "US$", 3);
	l[0] = 3;
	s = entity_extract(bare, p, l, 1);
	assert_int_equal(s->n, 0);
	entity_set_free(s);
	free(big);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_types),
		cmocka_unit_test(test_capitalised_rules),
		cmocka_unit_test(test_never_entities),
		cmocka_unit_test(test_dateline_and_titles),
		cmocka_unit_test(test_cjk_aliases),
		cmocka_unit_test(test_possessive_names),
		cmocka_unit_test(test_one_span_one_mention),
		cmocka_unit_test(test_cjk_patterns),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_spans_and_order),
		cmocka_unit_test(test_gazetteer_errors),
		cmocka_unit_test(test_duplicate_keys),
		cmocka_unit_test(test_user_file),
		cmocka_unit_test(test_fingerprint),
		cmocka_unit_test(test_hostile_input),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
