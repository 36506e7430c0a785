# El resumen tras un intento: puntuaciones, aprobado o no, el resultado, el gráfico del
# ánimo y la transcripción. Los números de lealtad son enteros ya formateados.

debrief-title = Resumen: { $title }
debrief-retry = Reintentar
debrief-practice-note = Práctica: no cuenta para tu aprobado ni para estar listo para atender. { $rewinds ->
    [0] No volviste atrás ninguna vez
    [one] Volviste atrás 1 vez
   *[other] Volviste atrás { $rewinds } veces
} y { $hints ->
    [0] no pediste ninguna pista
    [one] pediste 1 pista
   *[other] pediste { $hints } pistas
}.
debrief-customer-at-end = { $name } al final: { $emotion }
debrief-overall = Global
# $passed es "yes" o "no".
debrief-verdict = { $passed ->
    [yes] APROBADO
   *[no] NO APROBADO
}: nota de aprobado { $pass_mark }, mínimo por dimensión { $floor }
debrief-advocate = Defensor: más fiel que antes del problema
debrief-recovered = Recuperado: ha vuelto, pero aún no es un fan
debrief-lost = Perdido: el cliente se ha ido
debrief-loyalty = La lealtad de { $name } terminó en { $loyalty }. Era { $baseline } antes de que algo fallara y { $start } justo después; por debajo de { $threshold }, el cliente se pierde.
debrief-loyalty-hover = Lealtad { $loyalty } de 100
# $intended es el nombre de un resultado.
debrief-intended = Este final se escribió como { $intended }, pero el resultado depende de la lealtad a lo largo de toda la conversación.

debrief-mood-chart = El ánimo a lo largo de la conversación
debrief-axis-reply = respuesta
debrief-axis-mood = ánimo
debrief-mood-line = Ánimo
debrief-starting-mood = Ánimo inicial

debrief-transcript = Transcripción
debrief-you-said = Lo que dijiste
debrief-model-answer = Una respuesta modelo
