//! The segmenter's table of cases: an input and the sentences it must give, by rule.

/// (input, expected sentences)
pub(super) const CASES: &[(&str, &[&str])] = &[
    // --- basics ---
    ("", &[]),
    ("   \n\t  ", &[]),
    ("Hello world", &["Hello world"]),
    ("Hello world.", &["Hello world."]),
    ("One. Two. Three.", &["One.", "Two.", "Three."]),
    ("Is it? Yes! Fine.", &["Is it?", "Yes!", "Fine."]),
    ("  Leading and trailing.  ", &["Leading and trailing."]),
    ("He left.The end.", &["He left.", "The end."]),
    ("Wait... what?", &["Wait... what?"]),
    // --- closing quotes and brackets ---
    (
        "He said \"Go home.\" Then he left.",
        &["He said \"Go home.\"", "Then he left."],
    ),
    (
        "He said “Go home.” Then he left.",
        &["He said “Go home.”", "Then he left."],
    ),
    (
        "She asked 'Why?' Nobody knew.",
        &["She asked 'Why?'", "Nobody knew."],
    ),
    (
        "She wept ‘It hurts!’ Then quiet.",
        &["She wept ‘It hurts!’", "Then quiet."],
    ),
    ("(This is one.) Next.", &["(This is one.)", "Next."]),
    (
        "It rose (to 5%.) Then fell.",
        &["It rose (to 5%.)", "Then fell."],
    ),
    (
        "He called it \"nonsense\". The vote failed.",
        &["He called it \"nonsense\".", "The vote failed."],
    ),
    // --- titles ---
    (
        "Mr. Smith went to Washington.",
        &["Mr. Smith went to Washington."],
    ),
    (
        "Mrs. Jones and Dr. Who met Prof. X.",
        &["Mrs. Jones and Dr. Who met Prof. X."],
    ),
    (
        "Sen. John McCain and Rep. Nancy Pelosi spoke.",
        &["Sen. John McCain and Rep. Nancy Pelosi spoke."],
    ),
    (
        "Gov. Rick Scott and Gen. David Petraeus met.",
        &["Gov. Rick Scott and Gen. David Petraeus met."],
    ),
    (
        "Lt. Col. Smith and Sgt. Maj. Brown, Capt. Kirk and Col. Mustard.",
        &["Lt. Col. Smith and Sgt. Maj. Brown, Capt. Kirk and Col. Mustard."],
    ),
    (
        "Rev. Jesse Jackson and Hon. Member, St. Paul.",
        &["Rev. Jesse Jackson and Hon. Member, St. Paul."],
    ),
    ("Ask Mr. \"Big\" Smith.", &["Ask Mr. \"Big\" Smith."]),
    (
        "He filed with the SEC. The company said so.",
        &["He filed with the SEC.", "The company said so."],
    ),
    ("Shares of ACME INC. ROSE.", &["Shares of ACME INC. ROSE."]),
    (
        "She was a sales rep. The job paid well.",
        &["She was a sales rep.", "The job paid well."],
    ),
    (
        "Martin Luther King Jr. Day is a holiday.",
        &["Martin Luther King Jr. Day is a holiday."],
    ),
    (
        "He quoted Martin Luther King Jr. The crowd cheered.",
        &["He quoted Martin Luther King Jr.", "The crowd cheered."],
    ),
    ("John Smith Sr. said no.", &["John Smith Sr. said no."]),
    // --- months, days ---
    (
        "It happened on Jan. 5, 2015.",
        &["It happened on Jan. 5, 2015."],
    ),
    (
        "On Sept. 11 the towers fell.",
        &["On Sept. 11 the towers fell."],
    ),
    (
        "Between Feb. and Dec. rates rose.",
        &["Between Feb. and Dec. rates rose."],
    ),
    (
        "It ends Oct. The new plan starts then.",
        &["It ends Oct.", "The new plan starts then."],
    ),
    (
        "The show airs Thurs. at nine.",
        &["The show airs Thurs. at nine."],
    ),
    (
        "He arrived in May. Officials said little.",
        &["He arrived in May.", "Officials said little."],
    ),
    (
        "They married in March. The wedding was small.",
        &["They married in March.", "The wedding was small."],
    ),
    // --- numbers ---
    (
        "Shares rose 3.5% to $1.2 billion.",
        &["Shares rose 3.5% to $1.2 billion."],
    ),
    (
        "Upgrade to v2.0 now. It is free.",
        &["Upgrade to v2.0 now.", "It is free."],
    ),
    (
        "We met at 10.30am. Then we ate.",
        &["We met at 10.30am.", "Then we ate."],
    ),
    (
        "The server at 192.168.0.1 failed. Nobody noticed.",
        &["The server at 192.168.0.1 failed.", "Nobody noticed."],
    ),
    (
        "He is ranked No. 1. The rest trail.",
        &["He is ranked No. 1.", "The rest trail."],
    ),
    (
        "He lives at No. 10 Downing Street.",
        &["He lives at No. 10 Downing Street."],
    ),
    (
        "He said no. The deal died.",
        &["He said no.", "The deal died."],
    ),
    (
        "See p. 12 and pp. 14-15 and Fig. 3.",
        &["See p. 12 and pp. 14-15 and Fig. 3."],
    ),
    (
        "It was founded in 1985. The firm grew.",
        &["It was founded in 1985.", "The firm grew."],
    ),
    (
        "The tally was 1,024. 2,000 more came.",
        &["The tally was 1,024.", "2,000 more came."],
    ),
    (
        "It cost approx. 5 dollars.",
        &["It cost approx. 5 dollars."],
    ),
    (
        "Built ca. 1900 and sold est. 1950.",
        &["Built ca. 1900 and sold est. 1950."],
    ),
    ("The 5 ft. 6 in. man ran.", &["The 5 ft. 6 in. man ran."]),
    // --- multi-letter abbreviations ---
    (
        "The U.S. Army and the U.K. government agreed.",
        &["The U.S. Army and the U.K. government agreed."],
    ),
    (
        "He moved to the U.S. He said it was great.",
        &["He moved to the U.S.", "He said it was great."],
    ),
    (
        "He moved to the U.S. \"It is great,\" he said.",
        &["He moved to the U.S.", "\"It is great,\" he said."],
    ),
    (
        "Talks at the U.N. Security Council stalled.",
        &["Talks at the U.N. Security Council stalled."],
    ),
    (
        "He lives in Washington D.C. The meeting is there.",
        &["He lives in Washington D.C.", "The meeting is there."],
    ),
    (
        "He got a Ph.D. in physics.",
        &["He got a Ph.D. in physics."],
    ),
    (
        "He earned a Ph.D. The thesis was long.",
        &["He earned a Ph.D.", "The thesis was long."],
    ),
    (
        "Non-U.S. firms and non-U.S. Banks fell.",
        &["Non-U.S. firms and non-U.S. Banks fell."],
    ),
    (
        "He left non-U.S. Then he returned.",
        &["He left non-U.S.", "Then he returned."],
    ),
    (
        "Fruits, e.g. Apples and pears, i.e. Fruit.",
        &["Fruits, e.g. Apples and pears, i.e. Fruit."],
    ),
    (
        "He arrived at 5 p.m. Monday.",
        &["He arrived at 5 p.m. Monday."],
    ),
    (
        "He arrived at 5 p.m. The others came later.",
        &["He arrived at 5 p.m.", "The others came later."],
    ),
    (
        "It opens at 9 a.m. and closes at 5 p.m. It is busy.",
        &["It opens at 9 a.m. and closes at 5 p.m.", "It is busy."],
    ),
    (
        "Roe v. Wade and Ali vs. Frazier.",
        &["Roe v. Wade and Ali vs. Frazier."],
    ),
    (
        "Pens, pencils, etc. are sold here.",
        &["Pens, pencils, etc. are sold here."],
    ),
    (
        "Pens, pencils, etc. The shop sells them.",
        &["Pens, pencils, etc.", "The shop sells them."],
    ),
    (
        "Smith et al. found a link.",
        &["Smith et al. found a link."],
    ),
    ("He was known a.k.a. Bob.", &["He was known a.k.a. Bob."]),
    // --- companies ---
    (
        "Acme Inc. said profits rose.",
        &["Acme Inc. said profits rose."],
    ),
    (
        "He bought Acme Inc. Terms were not disclosed.",
        &["He bought Acme Inc.", "Terms were not disclosed."],
    ),
    (
        "He works at Securities Corp. \"I think it is fine,\" he said.",
        &[
            "He works at Securities Corp.",
            "\"I think it is fine,\" he said.",
        ],
    ),
    (
        "Apple Inc. Chief Executive Tim Cook spoke.",
        &["Apple Inc. Chief Executive Tim Cook spoke."],
    ),
    (
        "Apple Inc. Chief executive Tim Cook spoke.",
        &["Apple Inc. Chief executive Tim Cook spoke."],
    ),
    (
        "Sony Corp. CEO Kaz Hirai spoke.",
        &["Sony Corp. CEO Kaz Hirai spoke."],
    ),
    (
        "Warner Bros. Pictures Group and Dow Jones & Co. Inc. merged.",
        &["Warner Bros. Pictures Group and Dow Jones & Co. Inc. merged."],
    ),
    (
        "It sold to Acme Ltd. The price was high.",
        &["It sold to Acme Ltd.", "The price was high."],
    ),
    (
        "Acme Corp. Tuesday said sales rose.",
        &["Acme Corp. Tuesday said sales rose."],
    ),
    // --- places ---
    (
        "He lives in Los Angeles, Calif. The city is big.",
        &["He lives in Los Angeles, Calif.", "The city is big."],
    ),
    (
        "Boston, Mass. residents and Tampa, Fla. voters agreed.",
        &["Boston, Mass. residents and Tampa, Fla. voters agreed."],
    ),
    (
        "He went to St. Louis and Mt. Everest and Ft. Worth.",
        &["He went to St. Louis and Mt. Everest and Ft. Worth."],
    ),
    (
        "He lives on Main St. The house is red.",
        &["He lives on Main St.", "The house is red."],
    ),
    (
        "Go to 5th Ave. and turn left.",
        &["Go to 5th Ave. and turn left."],
    ),
    // --- initials ---
    ("J. K. Rowling wrote it.", &["J. K. Rowling wrote it."]),
    ("George W. Bush spoke.", &["George W. Bush spoke."]),
    (
        "A.D. Correll and J.R.R. Tolkien wrote.",
        &["A.D. Correll and J.R.R. Tolkien wrote."],
    ),
    (
        "By Catherine E. Shoichet, CNN.",
        &["By Catherine E. Shoichet, CNN."],
    ),
    (
        "Take vitamin D. It helps.",
        &["Take vitamin D.", "It helps."],
    ),
    (
        "John A. Smith and Mary I. Jones.",
        &["John A. Smith and Mary I. Jones."],
    ),
    ("É. Zola wrote.", &["É. Zola wrote."]),
    // --- ellipses ---
    ("He said... and then left.", &["He said... and then left."]),
    (
        "He waited... The bus never came.",
        &["He waited...", "The bus never came."],
    ),
    (
        "He waited . . . The bus never came.",
        &["He waited . . .", "The bus never came."],
    ),
    (
        "He waited.... The bus never came.",
        &["He waited....", "The bus never came."],
    ),
    (
        "He waited… The bus never came.",
        &["He waited…", "The bus never came."],
    ),
    (
        "He waited… \"Where is it?\" he asked.",
        &["He waited…", "\"Where is it?\" he asked."],
    ),
    (
        "\"We will [...] The best,\" he said.",
        &["\"We will [...] The best,\" he said."],
    ),
    (
        "\"We will (...) The best,\" he said.",
        &["\"We will (...) The best,\" he said."],
    ),
    (
        "\"We will […] win,\" he said.",
        &["\"We will […] win,\" he said."],
    ),
    (
        "It was Paris... London too.",
        &["It was Paris... London too."],
    ),
    (
        "to his family. ... He was great.",
        &["to his family.", "... He was great."],
    ),
    ("Say... a circular one?", &["Say... a circular one?"]),
    ("wait...The end.", &["wait...", "The end."]),
    ("...and so on.", &["...and so on."]),
    // --- no space after the stop ---
    (
        "end of sentence.Next one.",
        &["end of sentence.", "Next one."],
    ),
    (
        "Use Node.js and ASP.NET daily.",
        &["Use Node.js and ASP.NET daily."],
    ),
    ("Visit example.com today.", &["Visit example.com today."]),
    (
        "(CNN)Share, and your gift will grow.",
        &["(CNN)Share, and your gift will grow."],
    ),
    ("Visit LeanIn.Org now.", &["Visit LeanIn.Org now."]),
    (
        "He said in the U.S.Army it is so.",
        &["He said in the U.S.Army it is so."],
    ),
    ("Mr.Smith came.", &["Mr.Smith came."]),
    ("the U.N.'s role", &["the U.N.'s role"]),
    (
        "told WTKR.\"That was bad.\"",
        &["told WTKR.", "\"That was bad.\""],
    ),
    (
        "he said.\"That was bad.\"",
        &["he said.", "\"That was bad.\""],
    ),
    ("he said.“That was bad.”", &["he said.", "“That was bad.”"]),
    ("he said.”That was bad.", &["he said.”", "That was bad."]),
    (
        "the U.N.'s role and Dr.'s office",
        &["the U.N.'s role and Dr.'s office"],
    ),
    // --- URLs, emails, names with "!" ---
    (
        "Go to www.bbc.co.uk for more.",
        &["Go to www.bbc.co.uk for more."],
    ),
    (
        "See https://example.com/a.b?c=d. Then read.",
        &["See https://example.com/a.b?c=d.", "Then read."],
    ),
    (
        "Mail john.doe@example.com now. Thanks.",
        &["Mail john.doe@example.com now.", "Thanks."],
    ),
    (
        "Yahoo! Inc. said shares rose.",
        &["Yahoo! Inc. said shares rose."],
    ),
    ("Yahoo! shares rose.", &["Yahoo! shares rose."]),
    (
        "He won on Jeopardy! The prize was big.",
        &["He won on Jeopardy!", "The prize was big."],
    ),
    (
        "He won Jeopardy! Champion status.",
        &["He won Jeopardy! Champion status."],
    ),
    (
        "Read visit tips@cnn.com. We reply.",
        &["Read visit tips@cnn.com.", "We reply."],
    ),
    // --- ! and ? ---
    ("\"Help!\" he shouted.", &["\"Help!\" he shouted."]),
    ("\"Why?\" she asked.", &["\"Why?\" she asked."]),
    ("\"Why?\" Smith asked.", &["\"Why?\" Smith asked."]),
    (
        "\"Why?\" John Smith asked.",
        &["\"Why?\" John Smith asked."],
    ),
    ("\"Why?\" I asked.", &["\"Why?\" I asked."]),
    (
        "\"Why?\" Smith said in a statement.",
        &["\"Why?\" Smith said in a statement."],
    ),
    (
        "\"Why?\" Smith said many people ask.",
        &["\"Why?\"", "Smith said many people ask."],
    ),
    (
        "\"Thirsty?\" He continued to walk.",
        &["\"Thirsty?\"", "He continued to walk."],
    ),
    (
        "(CNN)U.S. Secretary of State John Kerry spoke.",
        &["(CNN)U.S. Secretary of State John Kerry spoke."],
    ),
    (
        "He said \"it went quickly...\" New rules came later.",
        &["He said \"it went quickly...\"", "New rules came later."],
    ),
    ("\"I think...\" she said.", &["\"I think...\" she said."]),
    ("\"Why?\" Nobody knew.", &["\"Why?\"", "Nobody knew."]),
    (
        "What?! No way!! Really?",
        &["What?!", "No way!!", "Really?"],
    ),
    ("Is it 5? 6 maybe.", &["Is it 5?", "6 maybe."]),
    ("The (?) mark and (!) too.", &["The (?) mark and (!) too."]),
    ("Wow!That was close.", &["Wow!", "That was close."]),
    // --- CJK and other scripts ---
    (
        "你好。我很好！谢谢？好",
        &["你好。", "我很好！", "谢谢？", "好"],
    ),
    ("「行く。」と言った。", &["「行く。」", "と言った。"]),
    (
        "日本語です。English here. More.",
        &["日本語です。", "English here.", "More."],
    ),
    ("यह एक वाक्य है। यह दूसरा है।", &["यह एक वाक्य है।", "यह दूसरा है।"]),
    ("هل أنت بخير؟ نعم.", &["هل أنت بخير؟", "نعم."]),
    // --- lists ---
    (
        "1. First item\n2. Second item",
        &["1. First item", "2. Second item"],
    ),
    ("a. First\nb. Second", &["a. First", "b. Second"]),
    (
        "IV. Results\nThe results.",
        &["IV. Results", "The results."],
    ),
    (
        "1. First item 2. Second item 3. Third item",
        &["1. First item", "2. Second item", "3. Third item"],
    ),
    (
        "Steps: 1. Mix 2. Bake 3. Eat.",
        &["Steps: 1. Mix", "2. Bake", "3. Eat."],
    ),
    (
        "- one\n- two\n* three\n• four",
        &["- one", "- two", "* three", "• four"],
    ),
    (
        "Highlights • One thing • Another thing",
        &["Highlights", "• One thing", "• Another thing"],
    ),
    // --- punctuation-only fragments ---
    ("!!! Wow.", &["!!! Wow."]),
    (". . . .", &[". . . ."]),
    ("?", &["?"]),
    ("... The end.", &["... The end."]),
    (
        "\"It is over. \" Police left.",
        &["\"It is over. \"", "Police left."],
    ),
    (
        "It is over. \" Police left.\"",
        &["It is over.", "\" Police left.\""],
    ),
    (
        "“It is over. ” Police left.",
        &["“It is over. ”", "Police left."],
    ),
    (
        "\"This is not supposed to happen.\" Police have not ruled it out.",
        &[
            "\"This is not supposed to happen.\"",
            "Police have not ruled it out.",
        ],
    ),
    (
        "He won for Where is the Love? - picked up the prize.",
        &["He won for Where is the Love? - picked up the prize."],
    ),
    (
        "It was Salaam Bombay! — nominated twice.",
        &["It was Salaam Bombay! — nominated twice."],
    ),
    ("He ran. - The next item.", &["He ran.", "- The next item."]),
    (
        "A cover story on (Alabama Gov.) George Wallace ran.",
        &["A cover story on (Alabama Gov.) George Wallace ran."],
    ),
    (
        "It aired on HBO in the U.S.). It ran long.",
        &["It aired on HBO in the U.S.).", "It ran long."],
    ),
    // --- more news-style cases ---
    (
        "\"I'm done,\" he said. \"Let's go.\"",
        &["\"I'm done,\" he said.", "\"Let's go.\""],
    ),
    (
        "It was born on Dec. 25. The family cheered.",
        &["It was born on Dec. 25.", "The family cheered."],
    ),
    (
        "Landing was at 10 a.m. ET. The crew rested.",
        &["Landing was at 10 a.m. ET.", "The crew rested."],
    ),
    (
        "Shares of General Motors Co. fell 2%.",
        &["Shares of General Motors Co. fell 2%."],
    ),
    (
        "He joined Goldman Sachs Group Inc. in 2001.",
        &["He joined Goldman Sachs Group Inc. in 2001."],
    ),
    (
        "He sold it to Time Warner Inc. \"We are thrilled,\" he said.",
        &[
            "He sold it to Time Warner Inc.",
            "\"We are thrilled,\" he said.",
        ],
    ),
    (
        "The deal closed with Acme Co. It took a year.",
        &["The deal closed with Acme Co.", "It took a year."],
    ),
    (
        "He wrote for Warner Bros. Entertainment.",
        &["He wrote for Warner Bros. Entertainment."],
    ),
    (
        "The U.S. and the E.U. agreed.",
        &["The U.S. and the E.U. agreed."],
    ),
    (
        "Troops left the U.S. But they came back.",
        &["Troops left the U.S.", "But they came back."],
    ),
    (
        "He lived in the U.K. In 2001 he moved.",
        &["He lived in the U.K.", "In 2001 he moved."],
    ),
    (
        "Gen. Z and Rep. Smith, D-Calif., voted.",
        &["Gen. Z and Rep. Smith, D-Calif., voted."],
    ),
    (
        "It happened in Portland, Ore. Police arrived.",
        &["It happened in Portland, Ore.", "Police arrived."],
    ),
    (
        "It happened in Portland, Ore. The police arrived.",
        &["It happened in Portland, Ore.", "The police arrived."],
    ),
    (
        "Prices rose 0.5 percent. 3.2 million people lost jobs.",
        &["Prices rose 0.5 percent.", "3.2 million people lost jobs."],
    ),
    (
        "The rate was 2.5. It fell.",
        &["The rate was 2.5.", "It fell."],
    ),
    (
        "Version 1.2.3 shipped. Users cheered.",
        &["Version 1.2.3 shipped.", "Users cheered."],
    ),
    ("He ran 26.2 miles!", &["He ran 26.2 miles!"]),
    (
        "It cost £1.5m. That was a lot.",
        &["It cost £1.5m.", "That was a lot."],
    ),
    (
        "Who knows? Nobody. Really!",
        &["Who knows?", "Nobody.", "Really!"],
    ),
    (
        "He asked \"Why me?\" and left.",
        &["He asked \"Why me?\" and left."],
    ),
    (
        "\"Go!\" \"Now!\" they yelled.",
        &["\"Go!\"", "\"Now!\" they yelled."],
    ),
    (
        "She said it was \"fine.\" He disagreed.",
        &["She said it was \"fine.\"", "He disagreed."],
    ),
    ("Listen.\" He paused.", &["Listen.\"", "He paused."]),
    (
        "The film (released in 2001.) won.",
        &["The film (released in 2001.) won."],
    ),
    (
        "See www.cnn.com. The site is live.",
        &["See www.cnn.com.", "The site is live."],
    ),
    (
        "Email tips@cnn.com. The team reads them.",
        &["Email tips@cnn.com.", "The team reads them."],
    ),
    (
        "Go to http://bbc.co.uk/news. More there.",
        &["Go to http://bbc.co.uk/news.", "More there."],
    ),
    (
        "The file report.PDF was found.",
        &["The file report.PDF was found."],
    ),
    (
        "He uses Vue.js and Socket.IO at work.",
        &["He uses Vue.js and Socket.IO at work."],
    ),
    (
        "A $5.99 meal. A 99.9% rate.",
        &["A $5.99 meal.", "A 99.9% rate."],
    ),
    (
        "It is 5 p.m. in London. It is noon in N.Y.",
        &["It is 5 p.m. in London.", "It is noon in N.Y."],
    ),
    (
        "N.Y. Times reporters and L.A. fans came.",
        &["N.Y. Times reporters and L.A. fans came."],
    ),
    (
        "Harry S. Truman and Ulysses S. Grant served.",
        &["Harry S. Truman and Ulysses S. Grant served."],
    ),
    (
        "It was Plan B. Then came Plan C.",
        &["It was Plan B.", "Then came Plan C."],
    ),
    (
        "He went to St. Andrews. The course was hard.",
        &["He went to St. Andrews.", "The course was hard."],
    ),
    (
        "He said he'd go... but he didn't.",
        &["He said he'd go... but he didn't."],
    ),
    ("And then … it happened.", &["And then … it happened."]),
    (
        "Wait for it…\" She smiled.",
        &["Wait for it…\"", "She smiled."],
    ),
    ("Loading.... Done.", &["Loading.... Done."]),
    ("It was (sic.) wrong.", &["It was (sic.) wrong."]),
    ("Ratings: 1. Good 2. Bad", &["Ratings: 1. Good", "2. Bad"]),
    (
        "The No. 2 seed won. No. 3 lost.",
        &["The No. 2 seed won.", "No. 3 lost."],
    ),
    ("It's 9.30pm. We're late.", &["It's 9.30pm.", "We're late."]),
    ("Tel. 555-1234. Call now.", &["Tel. 555-1234.", "Call now."]),
    (
        "Apt. 4B is empty. Rent it.",
        &["Apt. 4B is empty.", "Rent it."],
    ),
    ("OK. So what?", &["OK.", "So what?"]),
    (
        "He scored 3 goals. 2 came late.",
        &["He scored 3 goals.", "2 came late."],
    ),
    ("He said: 1) go 2) stop.", &["He said: 1) go 2) stop."]),
    // --- misc ---
    (
        "He bought an iPhone. iPhone sales rose.",
        &["He bought an iPhone.", "iPhone sales rose."],
    ),
    (
        "Wait . The spacing is odd .",
        &["Wait .", "The spacing is odd ."],
    ),
    (
        "He said: \"No.\" And left.",
        &["He said: \"No.\"", "And left."],
    ),
    (
        "It was the Lakers' win. Fans cheered.",
        &["It was the Lakers' win.", "Fans cheered."],
    ),
    (
        "The price was $5. $6 was next.",
        &["The price was $5.", "$6 was next."],
    ),
    (
        "It is World War II. The end came.",
        &["It is World War II.", "The end came."],
    ),
    (
        "Go to ch. 5 and art. 12 now.",
        &["Go to ch. 5 and art. 12 now."],
    ),
    (
        "He likes modern art. The museum is big.",
        &["He likes modern art.", "The museum is big."],
    ),
    (
        "Call ext. 1234 or tel. 555-0100.",
        &["Call ext. 1234 or tel. 555-0100."],
    ),
    (
        "He said, \"I am done.\"\n\nShe left.",
        &["He said, \"I am done.\"", "She left."],
    ),
    // --- inline enumerations ---
    (
        "1.) Buy milk 2.) Walk the dog",
        &["1.) Buy milk", "2.) Walk the dog"],
    ),
    (
        "a) Red wins. b) Blue loses.",
        &["a) Red wins.", "b) Blue loses."],
    ),
    (
        "3) Draft the memo 4) Send it out",
        &["3) Draft the memo", "4) Send it out"],
    ),
    (
        "a. Pack the car b. Drive north c. Rest",
        &["a. Pack the car", "b. Drive north", "c. Rest"],
    ),
    (
        "• 4. Check tyres • 5. Check oil",
        &["• 4. Check tyres", "• 5. Check oil"],
    ),
    (
        "⁃1. Check tyres ⁃2. Check oil",
        &["⁃1. Check tyres", "⁃2. Check oil"],
    ),
    (
        "Pick one of a) tea or b) coffee.",
        &["Pick one of a) tea or b) coffee."],
    ),
    (
        "The fee (see 2) is due. 3) More items came.",
        &["The fee (see 2) is due.", "3) More items came."],
    ),
    // --- addresses glued to a word ---
    (
        "Write to Anna.Berg@mail.example.org. She answers.",
        &["Write to Anna.Berg@mail.example.org.", "She answers."],
    ),
    (
        "It sold 2,500.Prices then fell.",
        &["It sold 2,500.", "Prices then fell."],
    ),
    // --- times, eras, degrees ---
    (
        "The shop shut at 8 p.m. Mrs. Lee went home.",
        &["The shop shut at 8 p.m.", "Mrs. Lee went home."],
    ),
    (
        "By 8 p.m. Mrs. Lee was home.",
        &["By 8 p.m. Mrs. Lee was home."],
    ),
    (
        "It rained; by 7:30 p.m. Dr. Ray had left.",
        &["It rained; by 7:30 p.m. Dr. Ray had left."],
    ),
    (
        "The wall was built in 120 A.D. Hadrian ordered it.",
        &["The wall was built in 120 A.D.", "Hadrian ordered it."],
    ),
    (
        "In 31 B.C. Octavian won at Actium.",
        &["In 31 B.C. Octavian won at Actium."],
    ),
    (
        "Her brother has a Ph.D. Nobody else does.",
        &["Her brother has a Ph.D.", "Nobody else does."],
    ),
    (
        "The vote is at 11 a.m. Eastern time on Friday.",
        &["The vote is at 11 a.m. Eastern time on Friday."],
    ),
    // --- numero sign, references, brackets ---
    (
        "The box is at N°. 42 on the quay.",
        &["The box is at N°. 42 on the quay."],
    ),
    (
        "The river is long.[4] Its delta is wide.",
        &["The river is long.[4]", "Its delta is wide."],
    ),
    (
        "The river is long. [4][5] Its delta is wide.",
        &["The river is long. [4][5]", "Its delta is wide."],
    ),
    (
        "\"Rain [...] fell all week [...]\" (Jones 12).",
        &["\"Rain [...] fell all week [...]\" (Jones 12)."],
    ),
    // --- ellipsis after a full stop, backtick quotes, soft line breaks ---
    (
        "The roads were closed. . . . The rain kept falling.",
        &["The roads were closed.", ". . . The rain kept falling."],
    ),
    (
        "He wrote `the end is near.` Nobody listened.",
        &["He wrote `the end is near.`", "Nobody listened."],
    ),
    (
        "The wind was \nstrong all night.",
        &["The wind was \nstrong all night."],
    ),
    ("Lunch\nbreakfast", &["Lunch", "breakfast"]),
    // --- detached quotes, trailing ellipses, tokenized abbreviations ---
    (
        "The mayor called it a ' done deal . ' Critics disagree .",
        &[
            "The mayor called it a ' done deal . '",
            "Critics disagree .",
        ],
    ),
    (
        "Fans loved '' Hello Again ! '' , the band's new single .",
        &["Fans loved '' Hello Again ! '' , the band's new single ."],
    ),
    (
        "They shouted: Stop! ... nobody listened. Was it over? ... Nobody knew.",
        &[
            "They shouted: Stop! ... nobody listened.",
            "Was it over? ...",
            "Nobody knew.",
        ],
    ),
    (
        "She called it a disaster.“ The council disagreed.",
        &["She called it a disaster.“", "The council disagreed."],
    ),
    (
        "We met Dr . Jones near U.S . Route 66 today .",
        &["We met Dr . Jones near U.S . Route 66 today ."],
    ),
    (
        "Do you know what to do ? '' Graham was convicted . He left .",
        &[
            "Do you know what to do ? ''",
            "Graham was convicted .",
            "He left .",
        ],
    ),
    (
        "Red Dolan went to get the Chief. ' Jed noticed the boat.",
        &[
            "Red Dolan went to get the Chief. '",
            "Jed noticed the boat.",
        ],
    ),
    (
        "'' It was bad , '' she wrote . '' Why did n't she leave ?",
        &[
            "'' It was bad , '' she wrote .",
            "'' Why did n't she leave ?",
        ],
    ),
    (
        "He was done. ' I guess I could, sir,' Jed admitted.",
        &["He was done.", "' I guess I could, sir,' Jed admitted."],
    ),
    // --- pauses, measures, times, roman numerals, bracketed numbers ---
    (
        "I thought... I would go. He said it was over... I asked why.",
        &[
            "I thought... I would go.",
            "He said it was over... I asked why.",
        ],
    ),
    (
        "He paused... \"I know.\" Then he left.",
        &["He paused...", "\"I know.\"", "Then he left."],
    ),
    (
        "He bought 5 ft. 3 in. 2 lb. of materials.",
        &["He bought 5 ft. 3 in. 2 lb. of materials."],
    ),
    (
        "The store opens at 7 a.m. and closes at 7 p.m. 7 a.m. is early.",
        &[
            "The store opens at 7 a.m. and closes at 7 p.m.",
            "7 a.m. is early.",
        ],
    ),
    (
        "The meeting ran until 10 p.m. 11:30 PM was when it ended.",
        &[
            "The meeting ran until 10 p.m.",
            "11:30 PM was when it ended.",
        ],
    ),
    (
        "It appeared on Going Underground Vol. II last year. Sales rose.",
        &[
            "It appeared on Going Underground Vol. II last year.",
            "Sales rose.",
        ],
    ),
    (
        "It is a verse (Phil. 4:8) that he likes.",
        &["It is a verse (Phil. 4:8) that he likes."],
    ),
    (
        "Check the reference [page. 42] for details. It helps.",
        &["Check the reference [page. 42] for details.", "It helps."],
    ),
    (
        "1) The first item. 2) The second item.",
        &["1) The first item.", "2) The second item."],
    ),
    // --- a line broken mid-clause ---
    (
        "This is a sentence\ncut off in the middle because pdf.",
        &["This is a sentence\ncut off in the middle because pdf."],
    ),
    (
        "The company said on Monday that it would\ncut 500 jobs. Shares fell.",
        &[
            "The company said on Monday that it would\ncut 500 jobs.",
            "Shares fell.",
        ],
    ),
    (
        "features\ncontact manager\nevents, activities\n",
        &["features", "contact manager", "events, activities"],
    ),
    (
        "Photo by John Smith\nupdated at noon",
        &["Photo by John Smith", "updated at noon"],
    ),
    (
        "No, they go here. [z] Last, but not least. (vii) And the Romans, too.",
        &[
            "No, they go here.",
            "[z] Last, but not least.",
            "(vii) And the Romans, too.",
        ],
    ),
    (
        "He was sentenced to pay (a) fines and (b) costs.",
        &["He was sentenced to pay (a) fines and (b) costs."],
    ),
    // --- roman-numeral lists ---
    (
        "i.) The first item ii.) The second item",
        &["i.) The first item", "ii.) The second item"],
    ),
    (
        "i) Apples ii) Pears iii) Plums iv) Figs v) Dates",
        &[
            "i) Apples",
            "ii) Pears",
            "iii) Plums",
            "iv) Figs",
            "v) Dates",
        ],
    ),
    (
        "ii. The first item iii. The second item",
        &["ii. The first item", "iii. The second item"],
    ),
    // --- detached quotes paired with the next one that can only close ---
    (
        "He got here on the freight that went through. ' The milkman gave him a look.  Then he turned to the back doors. '  Guess you could eat something, eh, boy? ' he said.",
        &[
            "He got here on the freight that went through. '",
            "The milkman gave him a look.",
            "Then he turned to the back doors.",
            "'  Guess you could eat something, eh, boy? ' he said.",
        ],
    ),
    (
        "She left. ' Come back soon, ' he said. ' We will, ' she said.",
        &[
            "She left.",
            "' Come back soon, ' he said.",
            "' We will, ' she said.",
        ],
    ),
    // --- sentence ends inside a parenthesis opened mid-sentence ---
    (
        "Nested (Parenthesis. (With words inside! (Right.)) (More. This is it!)) In the Big City.",
        &[
            "Nested (Parenthesis. (With words inside! (Right.)) (More. This is it!))",
            "In the Big City.",
        ],
    ),
    (
        "She waited (Why not let them fight it out? No need to hurry.) and then she ran.",
        &["She waited (Why not let them fight it out? No need to hurry.) and then she ran."],
    ),
    (
        "(This is one long remark. Followed by another.) Then the text.",
        &[
            "(This is one long remark.",
            "Followed by another.)",
            "Then the text.",
        ],
    ),
    (
        "Models (Smith et al., 2003(Smith et al., , 2005 and the Brownian Bridge Movement Model (BBMM) (Horne et al., 2007). Nevertheless, they cost.",
        &[
            "Models (Smith et al., 2003(Smith et al., , 2005 and the Brownian Bridge Movement Model (BBMM) (Horne et al., 2007).",
            "Nevertheless, they cost.",
        ],
    ),
];
