# The PIN gate (manager, trainer, a trainee's own profile), the manager PIN's reset, and
# the one-time display of the recovery code.

pin-manager-choose-title = Set the manager PIN
pin-manager-choose-explain = No manager PIN has been set on this computer yet. Choose one (4-12 digits); it opens the manager's views and the trainer area.
pin-manager-title = Manager area
pin-manager-explain = Trainees' records are private. Enter the manager PIN to see them.
pin-trainer-title = Trainer area
pin-trainer-explain = Write, check and playtest scenarios. Enter the trainer PIN, or the manager PIN.
pin-recover-title = Reset the manager PIN
pin-recover-explain = Type the recovery code you were shown when the PIN was first set, and choose a new PIN.
pin-trainee-choose-title = Choose a PIN, { $name }
pin-trainee-choose-explain = Your manager asks every trainee to protect their profile with a PIN (4-12 digits).
pin-trainee-title = Welcome back, { $name }
pin-trainee-explain = This profile has a PIN. Enter it to continue.

pin-pin = PIN:
pin-new = New PIN:
pin-again = The same PIN again:
pin-recovery-code = Recovery code:
pin-unlock = Unlock
pin-set = Set PIN
pin-reset = Reset PIN
pin-cancel = Cancel
pin-forgot = Forgot the PIN?
pin-forgot-hover = Reset it with the recovery code

pin-code-title = Your recovery code
pin-code-explain = If the manager PIN is ever forgotten, this code resets it. It is shown only this once and cannot be shown again: write it down and keep it somewhere safe.
pin-code-kept = I have written it down
