//! A document's vocabulary: its terms interned as small integers, with their surface forms,
//! counts and background idf, maps that split before they grow large, and an undo log that
//! takes a text back out.

use super::*;

/// a hostile article cannot be built to collide.
pub(super) type Map<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// How many maps a [`Sharded`] map is split into once it is large.
pub(super) const SHARDS: usize = 16;

/// How many entries a [`Sharded`] map holds in one map before it splits.
pub(super) const SPLIT_AT: usize = 1 << 13;

/// A hash map that, once it holds [`SPLIT_AT`] entries, splits into [`SHARDS`] maps by a seeded
/// hash of the key, so that growing it never rehashes more than a sixteenth of its entries at
/// once: with hundreds of thousands of terms, rehashing all of them is a pause of a tenth of a
/// second that no cancellation check can interrupt. A news article's maps never split.
#[derive(Debug)]
pub(super) struct Sharded<K, V> {
    pub(super) hasher: foldhash::fast::RandomState,
    /// One map, or [`SHARDS`].
    pub(super) shards: Vec<Map<K, V>>,
}

impl<K: Hash + Eq, V> Sharded<K, V> {
    pub(super) fn with_capacity(capacity: usize) -> Self {
        Self {
            hasher: foldhash::fast::RandomState::default(),
            shards: vec![Map::with_capacity_and_hasher(
                capacity.min(SPLIT_AT),
                Default::default(),
            )],
        }
    }

    pub(super) fn shard<Q: Hash + ?Sized>(&self, key: &Q) -> usize {
        if self.shards.len() == 1 {
            return 0;
        }
        (self.hasher.hash_one(key) >> 60) as usize % SHARDS
    }

    pub(super) fn get<Q>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.shards[self.shard(key)].get(key)
    }

    pub(super) fn insert(&mut self, key: K, value: V) {
        if self.shards.len() == 1 && self.shards[0].len() >= SPLIT_AT {
            self.split();
        }
        let shard = self.shard(&key);
        self.shards[shard].insert(key, value);
    }

    /// Moves the entries of the one map into [`SHARDS`] maps.
    pub(super) fn split(&mut self) {
        let one = std::mem::take(&mut self.shards);
        self.shards = (0..SHARDS)
            .map(|_| Map::with_capacity_and_hasher(2 * SPLIT_AT / SHARDS, Default::default()))
            .collect();
        for (key, value) in one.into_iter().flatten() {
            let shard = self.shard(&key);
            self.shards[shard].insert(key, value);
        }
    }

    pub(super) fn len(&self) -> usize {
        self.shards.iter().map(HashMap::len).sum()
    }

    pub(super) fn remove<Q>(&mut self, key: &Q)
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let shard = self.shard(key);
        self.shards[shard].remove(key);
    }
}

impl<K: Hash + Eq, V> Default for Sharded<K, V> {
    fn default() -> Self {
        Self::with_capacity(0)
    }
}

/// Lexicon stem id → term of the current document.
///
/// A table indexed by stem id replaces a hash-map probe for nearly every word of an article. Each
/// thread keeps one table and reuses it for document after document: a slot counts only when its
/// stamp is the current document's, so a new document starts empty without clearing anything.
#[derive(Debug, Default)]
pub(super) struct ListedTerms {
    pub(super) stamp: u32,
    pub(super) slots: Vec<(u32, TermId)>,
}

thread_local! {
    /// The table the next vocabulary on this thread takes (empty while one is in use).
    static SPARE_LISTED: RefCell<ListedTerms> = RefCell::default();
}

impl ListedTerms {
    /// The thread's table with a fresh stamp, or a new one if it is in use.
    pub(super) fn take() -> Self {
        let mut table = SPARE_LISTED
            .try_with(|s| std::mem::take(&mut *s.borrow_mut()))
            .unwrap_or_default();
        table.stamp = table.stamp.wrapping_add(1);
        if table.stamp == 0 {
            // After 2^32 documents the stamps wrap: clear once and start again.
            table.slots.iter_mut().for_each(|slot| slot.0 = 0);
            table.stamp = 1;
        }
        let stems = ENGLISH.stem_count();
        if table.slots.len() < stems {
            table.slots.resize(stems, (0, 0));
        }
        table
    }

    /// Returns the table to the thread for the next document.
    pub(super) fn give_back(&mut self) {
        let table = std::mem::take(self);
        let _ = SPARE_LISTED.try_with(|s| *s.borrow_mut() = table);
    }

    pub(super) fn get(&self, id: u32) -> Option<TermId> {
        let (stamp, term) = self.slots[id as usize];
        (stamp == self.stamp).then_some(term)
    }

    pub(super) fn insert(&mut self, id: u32, term: TermId) {
        self.slots[id as usize] = (self.stamp, term);
    }

    /// Removes stem `id`'s term: stamp 0 is never a document's.
    pub(super) fn forget(&mut self, id: u32) {
        if let Some(slot) = self.slots.get_mut(id as usize) {
            *slot = (0, 0);
        }
    }
}

/// The terms of one document: each distinct stem with its first surface form, its count and its
/// background idf.
#[derive(Debug)]
pub struct Vocabulary<'a> {
    /// Folded word form not in the lexicon → its term, or `None` for a form that is not a content
    /// word.
    forms: Sharded<Box<str>, Option<TermId>>,
    /// Lexicon stem id → term.
    pub(super) listed: ListedTerms,
    /// Stem not in the lexicon → term.
    pub(super) ids: Sharded<Box<str>, TermId>,
    /// Chinese or Japanese bigram or lone ideograph (see [`gram_key`]) → its term, or `None` for
    /// a stop gram. No other term is made of those characters.
    pub(super) grams: Sharded<u64, Option<TermId>>,
    /// Each term, by id.
    pub(super) terms: Vec<Term<'a>>,
    /// Stems are looked up in the English lexicon (for English text only).
    pub(super) lexicon: bool,
    /// What was added since the last [`Vocabulary::mark`], to undo: private to this module, so
    /// that every entry added to a map is recorded here.
    undo: Undo,
}

/// One term of a [`Vocabulary`].
#[derive(Debug, Clone, Copy)]
pub(super) struct Term<'a> {
    /// The first surface form it was seen with.
    pub(super) surface: &'a str,
    /// How many times it occurred.
    pub(super) count: u32,
    /// Its background idf level.
    pub(super) idf: u8,
}

/// The state of a [`Vocabulary`] to go back to with [`Vocabulary::rollback`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Mark {
    pub(super) terms: usize,
}

/// The entries of a [`Vocabulary`]'s maps and table that point at terms added since its last
/// mark: what [`Vocabulary::rollback`] removes, so that undoing a text costs as much as the text
/// did rather than a pass over the maps (which a hostile article could make quadratic).
#[derive(Debug)]
struct Undo {
    /// The first term id added since the mark; `usize::MAX` before the first mark.
    since: usize,
    listed: Vec<u32>,
    forms: Vec<Box<str>>,
    ids: Vec<Box<str>>,
    grams: Vec<u64>,
}

impl Default for Undo {
    /// Records nothing until the first mark.
    fn default() -> Self {
        Self {
            since: usize::MAX,
            listed: Vec::new(),
            forms: Vec::new(),
            ids: Vec::new(),
            grams: Vec::new(),
        }
    }
}

impl Undo {
    /// Whether entries pointing at `term` are recorded.
    fn records(&self, term: Option<TermId>) -> bool {
        term.is_some_and(|t| t as usize >= self.since)
    }
}

impl Default for Vocabulary<'_> {
    fn default() -> Self {
        Self {
            forms: Sharded::default(),
            listed: ListedTerms::take(),
            ids: Sharded::default(),
            grams: Sharded::default(),
            terms: Vec::new(),
            lexicon: true,
            undo: Undo::default(),
        }
    }
}

impl Drop for Vocabulary<'_> {
    fn drop(&mut self) {
        self.listed.give_back();
    }
}

impl<'a> Vocabulary<'a> {
    /// Creates an empty vocabulary.
    pub fn new() -> Self {
        Self::default()
    }

    /// Creates an empty vocabulary for a text of `bytes` bytes in `language`: with the English
    /// lexicon's stems and idf only if it is English, and sized so that its terms and maps seldom
    /// grow (a news article has a distinct term for about every 15 bytes, and a distinct word form
    /// that is not in the lexicon for about every 200; without a lexicon, one per 12 bytes).
    pub fn for_text_in(bytes: usize, language: Language) -> Self {
        let english = language == Language::English;
        // Capped: a long text's vocabulary grows far slower than the text (Heaps' law).
        let terms = (bytes / 12).min(1 << 16);
        let unlisted = if english { bytes / 200 } else { terms };
        Self {
            forms: Sharded::with_capacity(unlisted),
            ids: Sharded::with_capacity(unlisted),
            grams: Sharded::default(),
            listed: ListedTerms::take(),
            terms: Vec::with_capacity(terms),
            lexicon: english,
            undo: Undo::default(),
        }
    }

    /// The vocabulary as it is now, to [`Vocabulary::rollback`] to (forgetting any earlier
    /// mark).
    pub(crate) fn mark(&mut self) -> Mark {
        let terms = self.terms.len();
        self.undo.since = terms;
        self.undo.listed.clear();
        self.undo.forms.clear();
        self.undo.ids.clear();
        self.undo.grams.clear();
        Mark { terms }
    }

    /// Undoes what a text did since `mark`, the latest mark, given the terms it was found to
    /// have (each occurrence, as [`Tokenizer::sentence_terms`] appended them): their counts, the
    /// terms it added, and the word forms that map to those. The vocabulary is then as if the
    /// text had never been seen, apart from word forms found to be no content words, which stay
    /// known. Costs as much as the text did.
    pub(crate) fn rollback(&mut self, mark: Mark, occurrences: &[TermId]) {
        for &t in occurrences {
            if let Some(term) = self.terms.get_mut(t as usize) {
                term.count = term.count.saturating_sub(1);
            }
        }
        for &id in &self.undo.listed {
            self.listed.forget(id);
        }
        for form in &self.undo.forms {
            self.forms.remove(form);
        }
        for stem in &self.undo.ids {
            self.ids.remove(stem);
        }
        for key in &self.undo.grams {
            self.grams.remove(key);
        }
        self.terms.truncate(mark.terms);
        self.mark();
    }

    /// The term of the folded word form `folded` if it was seen before in this document (`None`
    /// inside for a form that is no content word), else `None`.
    pub(super) fn term_of_form(&self, folded: &str) -> Option<Option<TermId>> {
        self.forms.get(folded).copied()
    }

    /// Records that the folded word form `folded`, not seen before, has the term `term`.
    pub(super) fn add_form(&mut self, folded: &str, term: Option<TermId>) {
        if self.undo.records(term) {
            self.undo.forms.push(folded.into());
        }
        self.forms.insert(folded.into(), term);
    }

    /// Counts one occurrence of `term`, if it is one, and appends it to `out`.
    pub(super) fn occurs(&mut self, term: Option<TermId>, out: &mut Vec<TermId>) {
        if let Some(t) = term {
            self.terms[t as usize].count += 1;
            out.push(t);
        }
    }

    /// The term of a Chinese or Japanese bigram (or lone ideograph) in a text of `language`, or
    /// `None` for one that is no content (see `gram_is_content`); interned once per document, by
    /// its characters (no copy of it is made: an article of random ideographs has a new bigram
    /// every three bytes).
    pub(super) fn term_of_gram(&mut self, gram: &'a str, language: Language) -> Option<TermId> {
        let key = gram_key(gram);
        if let Some(&term) = self.grams.get(&key) {
            return term;
        }
        let term = gram_is_content(gram, language).then(|| self.push(gram, u8::MAX));
        if self.undo.records(term) {
            self.undo.grams.push(key);
        }
        self.grams.insert(key, term);
        term
    }

    /// Returns the id of `stem`, adding it with a count of 0 if new.
    pub(super) fn add_stem(&mut self, stem: String, surface: &'a str) -> TermId {
        if self.lexicon
            && let Some(id) = ENGLISH.stem_id(&stem)
        {
            return self.listed_term(id, surface);
        }
        if let Some(&id) = self.ids.get(stem.as_str()) {
            return id;
        }
        let id = self.push(surface, u8::MAX);
        // Boxed: a String's spare capacity and length field, for every distinct stem.
        let stem = stem.into_boxed_str();
        if self.undo.records(Some(id)) {
            self.undo.ids.push(stem.clone());
        }
        self.ids.insert(stem, id);
        id
    }

    /// Returns the term of the lexicon's stem `id`, adding it with a count of 0 if new.
    // Inlined into the tokenizer's per-word loop: a repeated stem costs a table read there.
    #[inline(always)]
    pub(super) fn listed_term(&mut self, id: u32, surface: &'a str) -> TermId {
        match self.listed.get(id) {
            Some(term) => term,
            None => self.new_listed_term(id, surface),
        }
    }

    /// Adds the lexicon's stem `id` as a new term with a count of 0.
    #[inline(never)]
    pub(super) fn new_listed_term(&mut self, id: u32, surface: &'a str) -> TermId {
        let term = self.push(surface, ENGLISH.idf(id));
        self.listed.insert(id, term);
        if self.undo.records(Some(term)) {
            self.undo.listed.push(id);
        }
        term
    }

    /// Adds a new term.
    pub(super) fn push(&mut self, surface: &'a str, idf: u8) -> TermId {
        let id = self.terms.len() as TermId;
        if self.terms.len() == self.terms.capacity() {
            // Past the size for news text, grown by a quarter: doubling would leave up to half
            // of a text's largest vector unused.
            self.terms.reserve_exact(self.terms.capacity() / 4 + 16);
        }
        // One push a term, rather than one per field: a new term is frequent enough to count.
        self.terms.push(Term {
            surface,
            count: 0,
            idf,
        });
        id
    }

    /// Looks up the id of a term without adding it.
    pub fn get(&self, stem: &str) -> Option<TermId> {
        if is_gram(stem) {
            return self.grams.get(&gram_key(stem)).copied().flatten();
        }
        match ENGLISH.stem_id(stem).filter(|_| self.lexicon) {
            Some(id) => self.listed.get(id),
            None => self.ids.get(stem).copied(),
        }
    }

    /// The term of the English lexicon's stem `id` in this document, if it occurred (and the
    /// vocabulary uses the lexicon).
    pub fn listed(&self, id: u32) -> Option<TermId> {
        if !self.lexicon || id as usize >= self.listed.slots.len() {
            return None;
        }
        self.listed.get(id)
    }

    /// The number of distinct terms.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// True when no term was interned.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// True when some term is a Chinese or Japanese bigram or lone ideograph.
    pub fn has_grams(&self) -> bool {
        self.grams.len() > 0
    }

    /// How many times term `id` occurred.
    pub fn count(&self, id: TermId) -> u32 {
        self.terms[id as usize].count
    }

    /// Every term's count, in id order: for passes over all terms, without an index check each.
    pub fn counts(&self) -> impl ExactSizeIterator<Item = u32> + '_ {
        self.terms.iter().map(|t| t.count)
    }

    /// Every term's background idf level, in id order (see [`Vocabulary::idf`]).
    pub fn idfs(&self) -> impl ExactSizeIterator<Item = u8> + '_ {
        self.terms.iter().map(|t| t.idf)
    }

    /// The background idf level of term `id`, in 0..=255 (see [`crate::text::lexicon::idf_value`]).
    pub fn idf(&self, id: TermId) -> u8 {
        self.terms[id as usize].idf
    }

    /// The first surface form term `id` was seen with.
    pub fn surface(&self, id: TermId) -> &'a str {
        self.terms[id as usize].surface
    }
}
