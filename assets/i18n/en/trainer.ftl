# The trainer area: the scenario library with its validation state, diagnostics, the
# graph (graph-…) with node details, and the playtest.
# Node ids, file paths, diagnostics' own messages and node kinds as the scenario file
# spells them (Line, Choice, FreeText, Ending) are shown as they are.
# Tests find many of these words by name: change the English only with them.

## The area and the library

trainer-heading = Trainer area
trainer-new-scenario = New scenario
trainer-new-scenario-hover = Write a valid, commented scenario to your folder, to edit
trainer-reload = Reload now
trainer-reload-hover = Saved files are picked up within a second anyway
trainer-lock = Lock
trainer-lock-hover = Leave the trainer area
trainer-folder = Your folder: { $folder }. Save a file there in any editor and it is checked and reloaded here.
trainer-pick-scenario = Pick a scenario on the left, or press New scenario to write one.
trainer-scenarios = Scenarios
trainer-scenarios-count = { $playable } playable, { $broken } with errors
# A file with errors in the list: its name, then how many.
trainer-file-broken =
    { $name }
    { $errors ->
        [one] { $errors } error: not playable
       *[other] { $errors } errors: not playable
    }
# A scenario in the list: its title, then trainer-state-… and trainer-origin-….
trainer-entry =
    { $title }
    { $state } ({ $origin })
trainer-state-ok = OK
trainer-state-warnings = { $count ->
        [one] { $count } warning
       *[other] { $count } warnings
    }
trainer-origin-built-in = built in
trainer-origin-overrides = your folder, overrides the built-in one
trainer-origin-folder = your folder
# $severity is "error" or "warning"; $message comes from the validator.
trainer-diagnostic = { $file }:{ $line }:{ $col }: { $severity ->
        [error] error
       *[warning] warning
    }: { $message }
trainer-diagnostic-help = { $file }:{ $line }:{ $col }: { $severity ->
        [error] error
       *[warning] warning
    }: { $message } ({ $help })
trainer-diagnostic-show-node = Show node `{ $node }` in the graph
trainer-diagnostic-open-file = Open the file in your editor
trainer-diagnostic-whole = About the scenario as a whole
trainer-file-broken-explained = This file has errors, so it is left out of the library until they are fixed. Save the fixed file and it comes back here by itself.

## A scenario

trainer-about = id { $id } · version { $version } · { $origin } · { $nodes } nodes
trainer-open-in-editor = Open in editor
trainer-open-in-editor-hover = Opens the file in your system's default editor
trainer-copy = Make an editable copy
trainer-copy-hover = Copy this built-in scenario to your folder; your copy overrides it
trainer-tab-graph = Graph
trainer-tab-playtest = Playtest
trainer-tab-problems = Problems ({ $count })
trainer-no-problems = No problems: this scenario validates clean.
trainer-counts-loading = Counting trainees' choices...
trainer-counts-failed = Trainees' choices could not be counted: { $error }
trainer-counts-ready = Arrows are weighted by { $attempts } attempts: the share of trainees who took each reply.
trainer-counts-none = No attempts at this scenario yet: the heat-map appears once trainees play it.

## A node

trainer-node-heading = Node
trainer-node-pick = Node:
trainer-playtest-from-node = Playtest from this node
trainer-playtest-from-node-hover = Play from here, seeing ids, levels, mood and loyalty
trainer-problems-here = Problems here
trainer-node-customer = The customer ({ $emotion }):
trainer-node-next = Next: `{ $next }`
# $mood is signed: "+20", "-5".
trainer-node-choice = Mood { $mood }; next `{ $next }`
trainer-node-choice-taken = Mood { $mood }; next `{ $next }`; taken by { $percent }% of { $total }
trainer-node-trap = Trap: { $trap }
trainer-node-facts = Facts: { $facts }
trainer-node-facts-none = Facts: none listed
trainer-node-branch = Overall { $score }+ goes to `{ $next }`
trainer-node-intends = Intends: { $outcome }
trainer-model-answer = Model answer

## The playtest

trainer-playtest-how = Pick a node in the Graph tab and press Playtest from this node, or start at the beginning.
trainer-playtest-start = Playtest from the start
trainer-playtest-from = Playtest from `{ $node }`
trainer-playtest-back = Step back
trainer-playtest-back-hover = Undo the last step (Ctrl+Z)
trainer-playtest-restart = Restart
trainer-playtest-stop = Stop playtest
# $kind: the node's kind as the scenario file spells it.
trainer-playtest-now-at = Now at `{ $node }` ({ $kind })
trainer-show-in-graph = Show in graph
trainer-mood = Mood { $value } / 100
trainer-loyalty = Loyalty { $value } / 100
trainer-thresholds = (lost below { $lost }, advocate above { $advocate })
trainer-last-reply = Your last reply, at `{ $node }`
trainer-last-reply-moved = Mood { $before } to { $after }; loyalty now { $loyalty }
trainer-customer-says = { $name } ({ $emotion }):
trainer-continue = Continue
trainer-choice-levels = Listening { $listening }, ownership { $ownership }, exceeding { $exceeding }; mood { $mood }; next `{ $next }`
trainer-choice-levels-trap = Listening { $listening }, ownership { $ownership }, exceeding { $exceeding }; mood { $mood }; next `{ $next }`; trap: { $trap }
# One branch of a typed reply; trainer-branches joins them with commas.
trainer-band = { $score }+ to `{ $next }`
trainer-branches = Branches by overall score: { $branches }
trainer-send = Send
trainer-ended = Ended at `{ $ending }`: { $outcome } (the ending intends { $intended }).
trainer-ended-scores = Overall { $overall }; listening { $listening }, ownership { $ownership }, exceeding { $exceeding }. Final loyalty { $loyalty }.

## The graph

graph-zoom-in = Zoom in
graph-zoom-in-hover = Or Ctrl + scroll, or +
graph-zoom-out = Zoom out
graph-zoom-out-hover = Or Ctrl + scroll, or -
graph-fit = Fit
graph-fit-hover = Show the whole graph (0)
graph-legend = Dashed: unreachable. Red outline: dead end. Thicker arrow: more trainees took it.
graph-described = Graph of { $nodes } nodes. Drag to pan, Ctrl and scroll to zoom; pick a node from the Node list to read it.
# A node's caption in its box.
graph-line = Line, { $emotion }
graph-choice = Choice, { $replies } replies
graph-typed-reply = Typed reply
graph-ending = Ending: { $outcome }
graph-unreachable = { $kind } (unreachable)
graph-dead-end = { $kind } (dead end)
# The share of trainees who took a reply, on its arrow.
graph-share = { $percent }%
