# La biblioteca: las tarjetas de escenarios con filtros y búsqueda, y el intento que
# quedó sin terminar.

library-stopped = Dejaste «{ $title }» a medias.
library-resume = Reanudar el intento
library-discard = Descartarlo
library-search = Buscar:
library-search-hint = título, sector, cliente…
library-industry = Sector
library-all-industries = Todos los sectores
library-difficulty = Dificultad
library-any-difficulty = Cualquier dificultad
library-clear-filters = Quitar filtros
library-problems = { $count ->
    [one] 1 archivo de escenario de la carpeta del formador tiene errores y no se muestra; ejecuta `turnaround validate` para ver los errores.
   *[other] { $count } archivos de escenario de la carpeta del formador tienen errores y no se muestran; ejecuta `turnaround validate` para ver los errores.
}
library-modes = «Evaluarme» es una evaluación: cuenta para tu aprobado y para estar listo para atender. «Practicar» te deja volver a cualquier turno y pedir pistas, y no cuenta.
library-empty = La biblioteca está vacía. Los escenarios aparecen aquí cuando un formador los añade.
library-no-match = Ningún escenario coincide con estos filtros.

# Una tarjeta. $industry es la palabra del propio escenario; $difficulty ya va traducida.
library-card-meta = { $industry } · { $difficulty } · { $minutes } min
library-overrides = Versión del formador: sustituye al escenario incluido
library-from-trainer = De la carpeta del formador
# $score es un número entero ya formateado.
library-best = Mejor { $score }
# $passed es "yes" o "no".
library-latest = Último { $score } ({ $passed ->
    [yes] aprobado
   *[no] no aprobado
})
library-no-assessment = Aún sin evaluación
library-play = Evaluarme: { $title }
library-play-hover = Una evaluación: cuenta para tu aprobado y para estar listo para atender. { $name } quiere: { $wants }
library-practise = Practicar: { $title }
library-practise-hover = Práctica: vuelve a cualquier turno y pide pistas, sin prisa. No cuenta.
