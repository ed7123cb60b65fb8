import { Migration } from '@mikro-orm/migrations';

// Which saved payment method a payment charged; null for the orders that gave a card token.

export class Migration20261202174500_payment_method_of_payment extends Migration {
  override name = 'Migration20261202174500_payment_method_of_payment';

  override up(): void | Promise<void> {
    this.addSql(`alter table "payments" add column "payment_method_id" varchar(100) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "payments" drop column "payment_method_id";`);
  }
}
