/** Café menu — prices in €. */
export interface Menu {
  /** Commander un plat « spécial ». */
  commander(plat: Plat, quantité: number): Promise<{ reçu: string }>;
  /** 注文 */
  order(items: { 名前: string; 数量: number }[]): Promise<void>;
}
type Plat = "crêpe" | "café" | "thé 🍵";
//! accept s16_commander {"plat": "crêpe", "quantité": 2}
//! reject s16_commander {"plat": "pizza", "quantité": 2}
//! accept s16_order {"items": [{"名前": "x", "数量": 1}]}
//! accept s16_commander {"plat": "thé 🍵", "quantité": 1}
