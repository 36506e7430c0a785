# The library: scenario cards with filters and search, and the attempt left unfinished.

library-stopped = You stopped part-way through "{ $title }".
library-resume = Resume attempt
library-discard = Discard it
library-search = Search:
library-search-hint = title, industry, customer…
library-industry = Industry
library-all-industries = All industries
library-difficulty = Difficulty
library-any-difficulty = Any difficulty
library-clear-filters = Clear filters
library-problems = { $count ->
    [one] 1 scenario file in the trainer's folder has errors and is not shown; run `turnaround validate` to see them.
   *[other] { $count } scenario files in the trainer's folder have errors and are not shown; run `turnaround validate` to see them.
}
library-modes = Play is an assessment: it counts towards your pass and readiness. Practise lets you go back to any turn and ask for hints, and does not count.
library-empty = The library is empty. Scenarios appear here once a trainer adds them.
library-no-match = No scenario matches these filters.

# A card. $industry is the scenario's own word, $difficulty already translated.
library-card-meta = { $industry } · { $difficulty } · { $minutes } min
library-overrides = Trainer's version: overrides the built-in scenario
library-from-trainer = From the trainer's folder
# $score is a whole number, already formatted.
library-best = Best { $score }
# $passed is "yes" or "no".
library-latest = Latest { $score } ({ $passed ->
    [yes] passed
   *[no] not passed
})
library-no-assessment = No assessment yet
library-play = Play { $title }
library-play-hover = An assessment: it counts towards your pass and readiness. { $name } wants: { $wants }
library-practise = Practise { $title }
library-practise-hover = Practice: go back to any turn, ask for hints, no time pressure. It does not count.
