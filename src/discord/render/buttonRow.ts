import type { APIActionRowComponent, APIButtonComponent } from 'discord.js';
import { type ButtonStyle, ComponentType } from 'discord-api-types/v10';

type ActionStyle = ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger;

/** A button that comes back to us with its custom_id (not a link); `disabled` greys it out. */
export function actionButton(
  customId: string,
  label: string,
  style: ActionStyle,
  disabled = false,
): APIButtonComponent {
  return { type: ComponentType.Button, custom_id: customId, label, style, disabled };
}

/** One row of buttons under a message. */
export function buttonRow(...buttons: APIButtonComponent[]): APIActionRowComponent<APIButtonComponent> {
  return { type: ComponentType.ActionRow, components: buttons };
}
