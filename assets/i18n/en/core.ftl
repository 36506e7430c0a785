# Sentences the core writes in English, said again in the interface's language
# (src/ui/core_words.rs). English here must stay word for word what the core writes:
# the reply scorer (src/scoring.rs), the PIN checks (src/access.rs) and the sound
# (src/audio.rs). tests/core_words.rs checks it.

## The reply scorer's evidence: a phrase, then the reply's own words or a count.
# $phrase is one of the core-reason- messages; $words are the trainee's words, as typed.
core-reason-quoted = { $phrase }: '{ $words }'
# $count is a whole number.
core-reason-counted = { $phrase } ({ $count })

core-reason-restated = restated
core-reason-restated-fact = restated a fact
core-reason-named-feeling = named the feeling or impact
core-reason-checked-understanding = checked understanding
core-reason-open-question = asked an open question
core-reason-too-many-questions = too many questions at once
core-reason-generic-acknowledgement = generic acknowledgement
core-reason-dismissive = dismissive
core-reason-argued = argued with the customer
core-reason-changed-subject = changed the subject to a sale
core-reason-repeated-verbatim = repeated the customer's words verbatim

core-reason-blame-policy = blame shifted to policy
core-reason-blame-system = blame shifted to the system
core-reason-blame-customer = blame shifted to the customer
core-reason-blame-supplier = blame shifted to a supplier
core-reason-blame-department = blame shifted to another department
core-reason-blame-colleague = blame shifted to a colleague
core-reason-denied-responsibility = denied responsibility
core-reason-hedged-apology = hedged apology
core-reason-apology-undercut = apology undercut by 'but'
core-reason-apologised = apologised
core-reason-excuse = excuse
core-reason-accepted-responsibility = accepted responsibility
core-reason-hedged-commitment = hedged commitment
core-reason-committed = committed to act
core-reason-time-or-name = put a time or a name on it
core-reason-over-promised = over-promised
core-reason-forbidden-promise = promised what staff must not

core-reason-refused-help = refused help
core-reason-fixed = fixed the problem
core-reason-vague-help = vague help
core-reason-goodwill-gesture = goodwill gesture
core-reason-tailored-extra = tailored extra
core-reason-personal-touch = unexpected personal touch
core-reason-prevention = prevention for next time
core-reason-upsell = upsell, not a remedy
core-reason-expected-fix = offered the fix they expect
core-reason-made-for-them = offered something made for them

## The tip for the weakest dimension. $dimension is the dimension's name.
core-tip = { $dimension }: { $tip }
# $reason is a core-reason- line; $fix is one of the core-fix- messages.
core-tip-lost-points = { $dimension }: you lost points for { $reason }. { $fix }
core-tip-top-marks = Top marks on all three: listening, ownership and going beyond. Keep replies like this one.

core-tip-listening-facts = Give the customer's key facts back in your own words before anything else.
core-tip-listening-feeling = Restate what happened and name how it left them feeling, in your own words.
core-tip-listening-check = Check you have understood: ask one open question, such as "Have I got that right?"
core-tip-ownership-apology = Say sorry with no "but", and say plainly that it was your mistake.
core-tip-ownership-step = Add a concrete next step that you will take yourself: "I'll ...".
core-tip-ownership-time = Put a time or a name on your promise: "I'll call you myself by 5 pm."
core-tip-exceeding-gesture = Fix the problem fully, then add a goodwill gesture.
core-tip-exceeding-tailored = Swap the standard voucher for something made for this customer.
core-tip-exceeding-personal = Add a personal touch or a follow-up: a call to check, a note, or a change so it never happens again.

core-fix-blame = Whoever's fault it was inside the company, to the customer it is yours: own it.
core-fix-hedged-apology = Apologise for what happened, not for how they feel or "any inconvenience".
core-fix-undercut = Drop the "but" and the excuse; a plain apology lands better.
core-fix-dismissive = Let the customer's feelings stand; acknowledge them instead of correcting them.
core-fix-repeated = Paraphrase in your own words rather than repeating theirs.
core-fix-refused = Offer what you can do, even if it is not what they asked for.
core-fix-upsell = Solve their problem before anything else; never sell to an upset customer.
core-fix-questions = Ask one open question at a time.
core-fix-promised = Promise only what you can personally make happen.
core-fix-vague = Replace "I'll try" with a concrete step and a time.
core-fix-next-level = Aim for the rubric's next level.

## The reply's one sentence of feedback, when nothing earned or cost points.
core-feedback-nothing = Nothing in this reply listens, owns the problem or fixes it.

## The scorer's notices. $shown and $total are whole numbers.
core-notice-empty = The reply is empty: there is nothing to score.
core-notice-no-words = The reply has no words to score (only symbols or emoji).
core-notice-not-english = This reply does not look like English, the only language the scorer reads, so it was not scored.
core-notice-cut = Only the first { $shown } characters of this { $total }-character reply were scored.

## PIN refusals. $seconds, $min and $max are whole numbers; $why is the system's reason,
## as it gave it; $message is another of these refusals; $role is "manager" or "trainer".
core-pin-wrong = That PIN is not right.
core-pin-wrong-wait = That PIN is not right. Too many wrong tries: wait { $seconds } s before the next one.
core-pin-locked = Too many wrong tries. Wait { $seconds } s, then try again.
core-pin-unavailable = The PIN cannot be checked now: { $why }
core-code-wrong = That recovery code is not right.
core-code-wrong-wait = That recovery code is not right. Too many wrong tries: wait { $seconds } s before the next one.
core-code-unavailable = The recovery code cannot be checked now: { $why }
core-pin-current-manager = the current manager PIN: { $message }
core-pin-digits = a PIN is { $min }-{ $max } digits
core-pin-already-set = the { $role } PIN is already set; only the manager can change it

## Sound. $error is the system's error, as it gave it.
core-sound-no-device = No sound device ({ $error }); Turnaround will run silently.
core-sound-not-started = Sound could not start ({ $error }); Turnaround will run silently.
core-sound-clip-failed = Could not play a voice clip: { $error }
