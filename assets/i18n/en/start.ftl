# The start screen: choosing or creating a trainee profile, and the way to the
# manager's and the trainer's areas.

start-tagline = Practise turning an upset customer into a loyal one.
start-who = Who is practising?
start-no-trainees = No trainees yet. Create your profile on the right to begin.
start-find = Find your name:
start-find-hint = type part of it
start-nobody-called = Nobody called "{ $name }" yet. Create the profile on the right.
start-continue-as = Continue as this trainee
start-new-trainee = New trainee
start-your-name = Your name:
start-your-name-hint = e.g. Sam Patel
start-create = Create profile
start-managers = Managers
start-managers-explain = Review every trainee's history, the cohort, and export reports.
start-manager-area = Manager area
start-manager-area-hover = Needs the manager PIN
start-trainers = Trainers
start-trainers-explain = Write scenarios, see their problems and graph, and playtest them.
start-trainer-area = Trainer area
start-trainer-area-hover = Needs the trainer PIN or the manager PIN
