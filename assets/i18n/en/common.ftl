# Words shared by every screen: the rubric's dimensions, emotions, traps, outcomes,
# difficulties, readiness and the practice hint.

dimension-active-listening = Active listening
dimension-ownership = Ownership
dimension-exceeding-expectations = Exceeding expectations

emotion-furious = furious
emotion-angry = angry
emotion-frustrated = frustrated
emotion-upset = upset
emotion-anxious = anxious
emotion-sceptical = sceptical
emotion-neutral = neutral
emotion-calmer = calmer
emotion-relieved = relieved
emotion-pleased = pleased
emotion-delighted = delighted

trap-undercut-apology = Undercut apology
trap-hides-behind-policy = Hides behind policy
trap-blame-shift = Blame shift
trap-offer-without-apology = Offer without apology
trap-parroting = Parroting
trap-tone-policing = Tone policing
trap-minimising = Minimising
trap-over-promising = Over-promising

outcome-lost = Lost
outcome-recovered = Recovered
outcome-advocate = Advocate

difficulty-beginner = Beginner
difficulty-intermediate = Intermediate
difficulty-advanced = Advanced

readiness-ready = Ready for the floor
readiness-not-yet = Not yet: { $passed } of { $total } passed
readiness-nothing-required = No scenarios required

hint-listen = Listen first: say back what happened in your own words, and name how they feel.
hint-own = Own it: a sincere apology, no blame, and a next step you commit to, with a time.
hint-traps = Careful: a reply here falls into a trap ({ $traps }).
hint-strongest = The best reply here is strongest on { $dimension }.
hint-facts = Show you heard: { $facts }.
hint-fix = A fix they would take: { $fixes }.
hint-avoid = Avoid saying: { $phrases }.
hint-exceed = Then exceed: fix it fully, and add something they would never expect.

portrait-looks = { $name } looks { $emotion }
