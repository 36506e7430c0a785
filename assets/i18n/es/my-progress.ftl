# Mi progreso: si estás listo para atender, los resultados, la evolución en cada
# dimensión, las rachas, qué practicar ahora y el PIN propio del aprendiz.

my-progress-title = Mi progreso
my-progress-ready = Has aprobado todos los escenarios obligatorios en modo evaluación.
# $scenarios: los títulos que faltan por aprobar, separados por comas.
my-progress-to-pass = Te falta aprobar en modo evaluación (la práctica no cuenta): { $scenarios }.
my-progress-nothing-required = El responsable no ha marcado ningún escenario como obligatorio.
my-progress-no-attempts = Todavía no hay intentos. Elige un escenario de la biblioteca y tu progreso aparecerá aquí.
my-progress-attempts = { $count ->
    [one] { $count } intento
   *[other] { $count } intentos
}
my-progress-streak = Racha: { $days ->
    [one] { $days } día
   *[other] { $days } días
} (la más larga: { $longest })
my-progress-next = Qué practicar ahora
# $dimension es el nombre de una dimensión en minúsculas.
my-progress-weakest = Últimamente tu dimensión más débil es { $dimension }. En «{ $title }» es donde obtuvo la nota más baja la última vez.
my-progress-practise = Practicar: { $title }
my-progress-trend = Puntuaciones a lo largo de tus intentos:
my-progress-axis-attempt = intento
my-progress-axis-score = puntuación
my-progress-by-scenario = Mejor y último resultado, por escenario
my-progress-col-scenario = Escenario
my-progress-col-attempts = Intentos
my-progress-col-best = Mejor
my-progress-col-latest = Último
# $score es un número entero ya formateado; $passed es "yes" o "no".
my-progress-latest = { $passed ->
    [yes] { $score } (aprobado)
   *[no] { $score }
}

my-progress-change-pin = Cambiar mi PIN
my-progress-protect = Proteger mi perfil con un PIN
my-progress-pin-explain = Con un PIN, nadie más puede abrir tu progreso en este equipo.
my-progress-current-pin = PIN actual:
my-progress-new-pin = PIN nuevo (de 4 a 12 dígitos):
my-progress-pin-again = Repite el PIN:
my-progress-save-pin = Guardar mi PIN
my-progress-pins-differ = Los dos PIN no coinciden; no se ha cambiado nada.
